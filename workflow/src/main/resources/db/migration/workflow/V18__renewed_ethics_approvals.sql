-- Issue 20: a renewed ethics approval, declared on an approved application and accepted by the
-- jurisdiction's steward, becomes the approval the project's access rests on, which lifts a
-- suspension caused by the end of the earlier one. An access was granted until the earliest of
-- the project's duration, the dataset's time limit and the ethics approval's end; requested_until
-- keeps the first two, so that a renewed approval extends the access up to them and no further.
-- Each change is an audit entry.
ALTER TABLE workflow.entitlement ADD COLUMN requested_until timestamptz;
UPDATE workflow.entitlement SET requested_until = valid_until;
ALTER TABLE workflow.entitlement ALTER COLUMN requested_until SET NOT NULL;
ALTER TABLE workflow.entitlement ADD CONSTRAINT entitlement_within_request
  CHECK (valid_until <= requested_until);
GRANT UPDATE (ethics_approval_id, valid_until) ON workflow.entitlement TO ${appRole};
