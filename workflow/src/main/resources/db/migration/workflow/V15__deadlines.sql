-- Issue 20: the legal clocks of the review, as rows the process's timers read and the deadline
-- dashboard lists. A jurisdiction's decision is due decisionDays after the completeness check
-- (extendable once, with a reason); a returned application lapses four weeks after its return.
ALTER TABLE workflow.application DROP CONSTRAINT application_state_check;
ALTER TABLE workflow.application ADD CONSTRAINT application_state_check
  CHECK (state IN ('draft', 'submitted', 'returned', 'under-review', 'approved', 'rejected',
                   'withdrawn', 'closed', 'discarded', 'lapsed'));

CREATE TABLE workflow.deadline (
  id               uuid        PRIMARY KEY,
  application_id   uuid        NOT NULL REFERENCES workflow.application (id),
  -- '' for the whole application (a return by the completeness check), else the jurisdiction
  jurisdiction     text        NOT NULL CHECK (jurisdiction IN ('', 'LU', 'FR', 'DE', 'CH')),
  step             text        NOT NULL CHECK (step IN ('decision', 'resubmission')),
  started_at       timestamptz NOT NULL,
  due              timestamptz NOT NULL,
  extended_at      timestamptz,
  extended_by      text,
  extension_reason text,
  closed_at        timestamptz,
  CHECK (due > started_at),
  CHECK ((extended_at IS NULL) = (extension_reason IS NULL)
         AND (extended_at IS NULL) = (extended_by IS NULL)),
  CHECK (extended_at IS NULL OR step = 'decision')
);
-- One open clock of a kind per application and jurisdiction; closed ones stay as history.
CREATE UNIQUE INDEX deadline_open ON workflow.deadline (application_id, jurisdiction, step)
  WHERE closed_at IS NULL;
CREATE INDEX deadline_open_by_due ON workflow.deadline (due) WHERE closed_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON workflow.deadline TO ${appRole};

-- A reminder goes to the committee's members who have not voted: the notification to the group
-- names the accounts it is not for.
ALTER TABLE workflow.notification ADD COLUMN except_accounts text[] NOT NULL DEFAULT '{}';
