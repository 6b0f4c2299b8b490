-- Issue 19: a researcher deletes a draft that was never submitted and holds no document. Its row
-- stays as a tombstone (state discarded: its audit entries and events still name it), but nobody
-- sees it any more: the store reads a discarded application as absent.
ALTER TABLE workflow.application DROP CONSTRAINT application_state_check;
ALTER TABLE workflow.application ADD CONSTRAINT application_state_check
  CHECK (state IN ('draft', 'submitted', 'returned', 'under-review', 'approved', 'rejected',
                   'withdrawn', 'closed', 'discarded'));
