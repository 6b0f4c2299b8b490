-- Issue 19: administrators prepare the next version of a consent form as a draft, compare it with
-- the version in force in each language, and publish it as minor or major. A draft is not in
-- force and binds nobody: it can be replaced or thrown away (published versions never can).
CREATE TABLE consent.form_draft (
  form_id   text        PRIMARY KEY,
  document  jsonb       NOT NULL,
  saved_by  text        NOT NULL,
  saved_at  timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE, DELETE ON consent.form_draft TO ${appRole};
