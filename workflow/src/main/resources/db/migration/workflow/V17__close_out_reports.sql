-- Issue 20: at the end of a project its applicant writes a short close-out report: what came of it
-- (results, in plain words) and where it is published. The application is then closed, any access
-- still running ends, and the results appear in the public register. Written once.
CREATE TABLE workflow.close_out (
  application_id uuid        PRIMARY KEY REFERENCES workflow.application (id),
  results        text        NOT NULL CHECK (length(results) BETWEEN 1 AND 4000),
  publications   jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(publications) = 'array'),
  closed_at      timestamptz NOT NULL,
  closed_by      text        NOT NULL
);
CREATE TRIGGER close_out_append_only BEFORE UPDATE OR DELETE ON workflow.close_out
  FOR EACH ROW EXECUTE FUNCTION workflow.refuse_change();

GRANT SELECT, INSERT ON workflow.close_out TO ${appRole};
