-- Patients of the consent registry: a pseudonym, a jurisdiction, a site, cohorts. The portal
-- holds no names and no clinical data.
CREATE TABLE consent.patient (
  psn          text        PRIMARY KEY CHECK (psn ~ '^(LU|FR|DE|CH)-[0-9A-Z]{4,16}$'),
  jurisdiction text        NOT NULL CHECK (jurisdiction IN ('LU', 'FR', 'DE', 'CH')),
  site         text        NOT NULL,
  cohorts      text[]      NOT NULL CHECK (cardinality(cohorts) > 0 AND cohorts <@ ARRAY['IBD', 'RA', 'MS']),
  minor        boolean     NOT NULL,
  enrolled_at  timestamptz NOT NULL,
  enrolled_by  text        NOT NULL
);
CREATE INDEX patient_by_jurisdiction ON consent.patient (jurisdiction, psn);

GRANT USAGE ON SCHEMA consent TO ${appRole};
GRANT SELECT, INSERT ON consent.patient TO ${appRole};
