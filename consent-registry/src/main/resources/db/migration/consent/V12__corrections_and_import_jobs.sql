-- Issue 19: running the registry.
--
-- Stewards correct a patient's details (site, cohorts, minor, day of majority); the pseudonym and
-- the jurisdiction never change. The audit entry of each correction keeps what it was before. The
-- release gate's projection follows in the same transaction, as it follows an enrolment.
GRANT UPDATE (site, cohorts, minor, adult_on) ON consent.patient TO ${appRole};

CREATE FUNCTION consent.patient_state_corrected() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = consent, pg_temp AS $$
BEGIN
  UPDATE consent.patient_state
     SET site = NEW.site, cohorts = NEW.cohorts, minor = NEW.minor, adult_on = NEW.adult_on
   WHERE psn = NEW.psn;
  RETURN NULL;
END
$$;

CREATE TRIGGER patient_state_corrected AFTER UPDATE ON consent.patient
  FOR EACH ROW EXECUTE FUNCTION consent.patient_state_corrected();

-- Background jobs (GET /jobs/{id}); the first kind is the bulk enrolment from a hospital's export.
-- The uploaded file is kept beside the job (a status read does not carry it) only until the job
-- ends, since it lists pseudonyms; meanwhile a job a restart interrupted goes on from the last line
-- it committed ("done").
CREATE TABLE consent.job (
  id               uuid        PRIMARY KEY,
  kind             text        NOT NULL CHECK (kind IN ('patient-import')),
  started_by       text        NOT NULL,
  jurisdictions    text[]      NOT NULL,
  state            text        NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  total            integer     NOT NULL CHECK (total >= 0),
  done             integer     NOT NULL DEFAULT 0 CHECK (done >= 0 AND done <= total),
  enrolled         integer     NOT NULL DEFAULT 0,
  already_enrolled integer     NOT NULL DEFAULT 0,
  error_count      integer     NOT NULL DEFAULT 0,
  errors           jsonb       NOT NULL DEFAULT '[]',
  failure          text,
  input_sha256     text        NOT NULL,
  created_at       timestamptz NOT NULL,
  finished_at      timestamptz
);
CREATE INDEX job_unfinished ON consent.job (created_at) WHERE state IN ('queued', 'running');
CREATE TABLE consent.job_input (
  job_id uuid  PRIMARY KEY REFERENCES consent.job (id),
  input  bytea NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON consent.job TO ${appRole};
GRANT SELECT, INSERT, DELETE ON consent.job_input TO ${appRole};
