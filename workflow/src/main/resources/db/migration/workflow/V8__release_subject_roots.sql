-- The root of each release's subject tree (issue 17; the contract's "Per-subject proof of a
-- release"), as its audit entry carries it: what GET /releases/{id}/subjects answers beside the
-- leaves it recomputes from the stored subjects, so that a compliance verifier compares the
-- stored subjects with what the log committed to. Decisions made before have none.
ALTER TABLE workflow.release ADD COLUMN subjects_root text
  CHECK (subjects_root IS NULL OR subjects_root ~ '^[A-Za-z0-9+/]{43}=$');
