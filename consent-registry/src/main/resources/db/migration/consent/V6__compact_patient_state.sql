-- The release gate's read, made small (ADR 0012, benchmarks of session 5): consent.patient_state
-- kept every record as JSON (~700 bytes per patient); parsing 10,000 such documents was most of
-- the gate's time, and 1,000,000 patients' rows outgrew PostgreSQL's buffers. The projection now
-- keeps, per record, only what a consent state is derived from, in a line format that is read
-- without a JSON parser (eu.clinnova.consent.infrastructure.PatientStateStore):
--
--   records  = record *(";" record)                  (empty: no records yet)
--   record   = kind SP signer SP micros SP id SP decisions SP withdrawn SP valid
--   micros   = recorded_at as microseconds since 1970-01-01T00:00:00Z
--   decisions= "." / module ("+" / "-") *("," module ("+" / "-"))   (+ permit, - deny)
--   withdrawn= "." / module *("," module)
--   valid    = "." / module "=" instant *("," module "=" instant)  (ISO-8601, as stored)
--
-- Module codes, kinds and signers are the records' own codes (no spaces, commas or semicolons).
-- Still a projection: written only by the triggers, in the transaction that writes the source.

CREATE FUNCTION consent.record_brief(r consent.record) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(' ', r.kind, r.signer_kind,
    (extract(epoch FROM r.recorded_at) * 1000000)::bigint, r.id,
    COALESCE((SELECT string_agg(key || CASE value WHEN 'permit' THEN '+' WHEN 'deny' THEN '-'
                                                   ELSE '?' END, ',' ORDER BY key)
                FROM jsonb_each_text(r.decisions)), '.'),
    COALESCE(NULLIF(array_to_string(r.withdrawn, ','), ''), '.'),
    COALESCE((SELECT string_agg(key || '=' || value, ',' ORDER BY key)
                FROM jsonb_each_text(r.valid_until)), '.'))
$$;

DROP TABLE consent.patient_state;
CREATE TABLE consent.patient_state (
  -- byte order ("C"): pseudonyms are ASCII codes, and 10,000 key probes per decision compare
  -- faster than under the database's linguistic collation
  psn          text    COLLATE "C" PRIMARY KEY REFERENCES consent.patient (psn),
  jurisdiction text    NOT NULL,
  site         text    NOT NULL,
  cohorts      text[]  NOT NULL,
  minor        boolean NOT NULL,
  adult_on     date,
  records      text    NOT NULL
);

CREATE OR REPLACE FUNCTION consent.patient_state_enrolled() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = consent, pg_temp AS $$
BEGIN
  INSERT INTO consent.patient_state (psn, jurisdiction, site, cohorts, minor, adult_on, records)
  VALUES (NEW.psn, NEW.jurisdiction, NEW.site, NEW.cohorts, NEW.minor, NEW.adult_on, '');
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION consent.patient_state_recorded() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = consent, pg_temp AS $$
BEGIN
  UPDATE consent.patient_state
     SET records = CASE records WHEN '' THEN consent.record_brief(NEW)
                                ELSE records || ';' || consent.record_brief(NEW) END
   WHERE psn = NEW.psn;
  RETURN NULL;
END
$$;

DROP FUNCTION consent.record_json(consent.record);

INSERT INTO consent.patient_state (psn, jurisdiction, site, cohorts, minor, adult_on, records)
SELECT p.psn, p.jurisdiction, p.site, p.cohorts, p.minor, p.adult_on, COALESCE(b.records, '')
  FROM consent.patient p
  LEFT JOIN (SELECT r.psn, string_agg(consent.record_brief(r), ';' ORDER BY r.seq) AS records
               FROM consent.record r GROUP BY r.psn) b ON b.psn = p.psn;

GRANT SELECT ON consent.patient_state TO ${appRole};
