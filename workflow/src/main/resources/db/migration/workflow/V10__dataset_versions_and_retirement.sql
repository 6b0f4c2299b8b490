-- Issue 19: administrators publish new versions of a dataset and retire it. workflow.dataset
-- stays the version in force (what the catalogue, the applications and the release gate read);
-- every version, the first included, is kept in workflow.dataset_version by a trigger, whoever
-- writes. Retiring stops new applications; entitlements already granted run out as granted. A
-- dataset's node, jurisdiction and cohort never change: they are what the dataset is.
ALTER TABLE workflow.dataset
  ADD COLUMN version    integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  ADD COLUMN retired_at timestamptz,
  ADD COLUMN retired_by text;

CREATE TABLE workflow.dataset_version (
  id                text        NOT NULL REFERENCES workflow.dataset (id),
  version           integer     NOT NULL,
  title             text        NOT NULL,
  description       text        NOT NULL,
  permission        text        NOT NULL,
  disease           text,
  modifiers         text[]      NOT NULL,
  required_modules  text[]      NOT NULL,
  time_limit_months integer,
  subjects          integer     NOT NULL,
  published_at      timestamptz NOT NULL,
  published_by      text        NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE FUNCTION workflow.dataset_versioned() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = workflow, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.jurisdiction <> OLD.jurisdiction OR NEW.cohort <> OLD.cohort) THEN
    RAISE EXCEPTION 'a dataset''s jurisdiction and cohort never change';
  END IF;
  IF TG_OP = 'INSERT' OR NEW.version <> OLD.version THEN
    INSERT INTO workflow.dataset_version
      (id, version, title, description, permission, disease, modifiers, required_modules,
       time_limit_months, subjects, published_at, published_by)
    VALUES (NEW.id, NEW.version, NEW.title, NEW.description, NEW.permission, NEW.disease,
       NEW.modifiers, NEW.required_modules, NEW.time_limit_months, NEW.subjects,
       NEW.published_at, NEW.published_by);
  END IF;
  RETURN NULL;
END
$$;

INSERT INTO workflow.dataset_version
  (id, version, title, description, permission, disease, modifiers, required_modules,
   time_limit_months, subjects, published_at, published_by)
SELECT id, version, title, description, permission, disease, modifiers, required_modules,
       time_limit_months, subjects, published_at, published_by
  FROM workflow.dataset;

CREATE TRIGGER dataset_versioned AFTER INSERT OR UPDATE ON workflow.dataset
  FOR EACH ROW EXECUTE FUNCTION workflow.dataset_versioned();
CREATE TRIGGER dataset_version_append_only BEFORE UPDATE OR DELETE ON workflow.dataset_version
  FOR EACH ROW EXECUTE FUNCTION workflow.refuse_change();

GRANT UPDATE (title, description, permission, disease, modifiers, required_modules,
  time_limit_months, subjects, published_at, published_by, version, retired_at, retired_by)
  ON workflow.dataset TO ${appRole};
GRANT SELECT ON workflow.dataset_version TO ${appRole};
