-- What the release gate reads and writes for 10,000 subjects at once (ADR 0012).

-- 1. One row per patient with everything the gate derives their state from: the patient's
-- jurisdiction and cohorts and all their records, in append order. It is a projection kept by
-- triggers in the transaction that enrols the patient or appends a record, so any snapshot sees
-- it exactly as it sees consent.patient and consent.record (still the source of truth); the
-- gate reads one row per subject instead of a patient row and each record row. Only the
-- triggers (owned by the schema owner) write it: the application role may only read it.
CREATE TABLE consent.patient_state (
  psn          text    PRIMARY KEY REFERENCES consent.patient (psn),
  jurisdiction text    NOT NULL,
  site         text    NOT NULL,
  cohorts      text[]  NOT NULL,
  minor        boolean NOT NULL,
  adult_on     date,
  -- json, not jsonb: stored as text, it is sent as is (jsonb's output conversion of 10,000
  -- rows cost the gate ~50 ms)
  records      json    NOT NULL
);

CREATE FUNCTION consent.record_json(r consent.record) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'id', r.id, 'kind', r.kind, 'formId', r.form_id, 'formVersion', r.form_version,
    'language', r.language, 'textSha256', r.text_sha256, 'decisions', r.decisions,
    'withdrawn', to_jsonb(r.withdrawn), 'validUntil', r.valid_until, 'signer', r.signer_kind,
    'recordedAt', to_jsonb(r.recorded_at AT TIME ZONE 'UTC') #>> '{}')
$$;

CREATE FUNCTION consent.patient_state_enrolled() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = consent, pg_temp AS $$
BEGIN
  INSERT INTO consent.patient_state (psn, jurisdiction, site, cohorts, minor, adult_on, records)
  VALUES (NEW.psn, NEW.jurisdiction, NEW.site, NEW.cohorts, NEW.minor, NEW.adult_on, '[]');
  RETURN NULL;
END
$$;

CREATE FUNCTION consent.patient_state_recorded() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = consent, pg_temp AS $$
BEGIN
  UPDATE consent.patient_state
     SET records = (records::jsonb || jsonb_build_array(consent.record_json(NEW)))::json
   WHERE psn = NEW.psn;
  RETURN NULL;
END
$$;

CREATE TRIGGER patient_state_enrolled AFTER INSERT ON consent.patient
  FOR EACH ROW EXECUTE FUNCTION consent.patient_state_enrolled();
CREATE TRIGGER patient_state_recorded AFTER INSERT ON consent.record
  FOR EACH ROW EXECUTE FUNCTION consent.patient_state_recorded();

INSERT INTO consent.patient_state (psn, jurisdiction, site, cohorts, minor, adult_on, records)
SELECT p.psn, p.jurisdiction, p.site, p.cohorts, p.minor, p.adult_on,
       COALESCE((SELECT jsonb_agg(consent.record_json(r) ORDER BY r.seq)
                   FROM consent.record r WHERE r.psn = p.psn), '[]')::json
  FROM consent.patient p;

GRANT SELECT ON consent.patient_state TO ${appRole};

-- 2. Disclosures: one row per release with the pseudonyms it permitted, found per patient
-- through a GIN index ("who used my data"). A 10,000-subject release writes one row, where a
-- row per subject (with its foreign key and two b-tree indexes) cost the gate ~100 ms. Nothing
-- was ever written to the first table: the gate arrives with this migration.
DROP TABLE consent.disclosure;
CREATE TABLE consent.disclosure (
  release_id     uuid        PRIMARY KEY,
  application_id text        NOT NULL,
  project_title  text        NOT NULL,
  dataset_id     text        NOT NULL,
  node           text        NOT NULL,
  decided_at     timestamptz NOT NULL,
  audit_index    bigint      NOT NULL,
  psns           text[]      NOT NULL CHECK (cardinality(psns) > 0)
);
CREATE INDEX disclosure_by_patient ON consent.disclosure USING gin (psns);
CREATE TRIGGER disclosure_append_only BEFORE UPDATE OR DELETE ON consent.disclosure
  FOR EACH ROW EXECUTE FUNCTION consent.refuse_change();
CREATE TRIGGER disclosure_no_truncate BEFORE TRUNCATE ON consent.disclosure
  FOR EACH STATEMENT EXECUTE FUNCTION consent.refuse_change();
GRANT SELECT, INSERT ON consent.disclosure TO ${appRole};
