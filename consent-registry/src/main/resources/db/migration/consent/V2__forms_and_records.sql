-- Consent forms, records, evidence, re-consent requests and disclosures. Everything here is
-- appended, never changed: the application's role may SELECT and INSERT only, and a trigger
-- refuses UPDATE, DELETE and TRUNCATE even to the owner (the current state is derived).

CREATE FUNCTION consent.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent.% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

-- A version of a consent form; the document holds its texts (the text a patient sees in a
-- language, and so its SHA-256, is derived from it byte for byte).
CREATE TABLE consent.form (
  id           text        NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{2,60}$'),
  version      integer     NOT NULL CHECK (version > 0),
  jurisdiction text        NOT NULL CHECK (jurisdiction IN ('LU', 'FR', 'DE', 'CH')),
  change       text        NOT NULL CHECK (change IN ('initial', 'minor', 'major')),
  document     jsonb       NOT NULL,
  published_at timestamptz NOT NULL,
  published_by text        NOT NULL,
  PRIMARY KEY (id, version)
);

-- Scans of paper forms, kept as evidence of a record made by staff.
CREATE TABLE consent.attachment (
  id          uuid        PRIMARY KEY,
  psn         text        NOT NULL REFERENCES consent.patient (psn),
  media_type  text        NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes  integer     NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
  sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content     bytea       NOT NULL,
  uploaded_at timestamptz NOT NULL,
  uploaded_by text        NOT NULL
);
CREATE INDEX attachment_by_patient ON consent.attachment (psn);

-- One record: a consent (decisions per module), a withdrawal, an objection (FR) or the
-- information of the patient (FR). seq gives the append order.
CREATE TABLE consent.record (
  id            uuid        PRIMARY KEY,
  seq           bigserial   UNIQUE,
  psn           text        NOT NULL REFERENCES consent.patient (psn),
  kind          text        NOT NULL CHECK (kind IN ('consent', 'withdrawal', 'objection', 'information')),
  form_id       text,
  form_version  integer,
  language      text,
  text_sha256   text        CHECK (text_sha256 ~ '^[0-9a-f]{64}$'),
  decisions     jsonb       NOT NULL,
  withdrawn     text[]      NOT NULL,
  valid_until   jsonb       NOT NULL,
  signer_kind   text        NOT NULL CHECK (signer_kind IN ('self', 'guardian', 'representative', 'staff-paper')),
  signer_name   text,
  recorded_by   text        NOT NULL,
  recorder_role text        NOT NULL,
  evidence      uuid        REFERENCES consent.attachment (id),
  reason        text        CHECK (length(reason) <= 1000),
  recorded_at   timestamptz NOT NULL,
  FOREIGN KEY (form_id, form_version) REFERENCES consent.form (id, version),
  CHECK (kind <> 'consent' OR (form_id IS NOT NULL AND language IS NOT NULL AND text_sha256 IS NOT NULL))
);
CREATE INDEX record_by_patient ON consent.record (psn, seq);
CREATE INDEX record_by_form ON consent.record (form_id, form_version) WHERE kind = 'consent';

-- A patient is asked to consent again: a major form version, coming of age, regained capacity.
-- A request is answered by a later consent record on the form (derived, never updated).
CREATE TABLE consent.reconsent_request (
  id           bigserial   PRIMARY KEY,
  psn          text        NOT NULL REFERENCES consent.patient (psn),
  form_id      text        NOT NULL,
  from_version integer     NOT NULL,
  to_version   integer     NOT NULL,
  trigger      text        NOT NULL CHECK (trigger IN ('major-version', 'came-of-age', 'regained-capacity')),
  requested_at timestamptz NOT NULL,
  FOREIGN KEY (form_id, to_version) REFERENCES consent.form (id, version)
);
CREATE INDEX reconsent_by_patient ON consent.reconsent_request (psn, id);

-- Each release that included a patient ("who used my data"), written by the release gate.
CREATE TABLE consent.disclosure (
  release_id     uuid        NOT NULL,
  psn            text        NOT NULL REFERENCES consent.patient (psn),
  application_id text        NOT NULL,
  project_title  text        NOT NULL,
  dataset_id     text        NOT NULL,
  node           text        NOT NULL,
  decided_at     timestamptz NOT NULL,
  audit_index    bigint      NOT NULL,
  PRIMARY KEY (release_id, psn)
);
CREATE INDEX disclosure_by_patient ON consent.disclosure (psn, decided_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['form', 'attachment', 'record', 'reconsent_request', 'disclosure'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON consent.%I FOR EACH ROW EXECUTE FUNCTION consent.refuse_change()', t || '_append_only', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON consent.%I FOR EACH STATEMENT EXECUTE FUNCTION consent.refuse_change()', t || '_no_truncate', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT ON consent.form, consent.attachment, consent.record, consent.reconsent_request, consent.disclosure TO ${appRole};
GRANT USAGE ON SEQUENCE consent.record_seq_seq, consent.reconsent_request_id_seq TO ${appRole};

-- A minor's day of majority (optional at enrolment): from then on the patient is asked to
-- consent themself, and the guardians' consent stands until they do.
ALTER TABLE consent.patient ADD COLUMN adult_on date;
ALTER TABLE consent.patient ADD CONSTRAINT adult_on_only_for_minors CHECK (adult_on IS NULL OR minor);
