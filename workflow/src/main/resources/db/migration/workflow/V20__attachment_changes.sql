-- Issue 21: an applicant says what each file is (protocol, ethics approval letter...) and removes a
-- file uploaded by mistake while the application can be edited. Files stay append-only (the
-- application's evidence); what changes about them is appended here, the latest word per file
-- counting: its kind, or its removal from the application (then it is shown to nobody and cannot
-- be named by an ethics approval).
CREATE TABLE workflow.attachment_change (
  id             bigserial   PRIMARY KEY,
  attachment_id  uuid        NOT NULL REFERENCES workflow.application_attachment (id),
  application_id uuid        NOT NULL REFERENCES workflow.application (id),
  kind           text        CHECK (kind IN ('protocol', 'ethics-letter', 'data-management-plan', 'team', 'other')),
  removed        boolean     NOT NULL,
  changed_at     timestamptz NOT NULL,
  changed_by     text        NOT NULL,
  CHECK (removed = (kind IS NULL))
);
CREATE INDEX attachment_change_by_application ON workflow.attachment_change (application_id, id);
CREATE TRIGGER attachment_change_append_only BEFORE UPDATE OR DELETE ON workflow.attachment_change
  FOR EACH ROW EXECUTE FUNCTION workflow.refuse_change();
CREATE TRIGGER attachment_change_no_truncate BEFORE TRUNCATE ON workflow.attachment_change
  FOR EACH STATEMENT EXECUTE FUNCTION workflow.refuse_change();

GRANT SELECT, INSERT ON workflow.attachment_change TO ${appRole};
GRANT USAGE ON SEQUENCE workflow.attachment_change_id_seq TO ${appRole};
