-- The dataset catalogue: each dataset lives on one node (so one jurisdiction) and one cohort,
-- with its data use in DUO (a permission, a MONDO disease for DS, modifiers) and the consent
-- modules a subject needs before any of their data is released.
CREATE TABLE workflow.dataset (
  id               text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{2,60}$'),
  title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description      text        NOT NULL CHECK (length(description) <= 2000),
  jurisdiction     text        NOT NULL CHECK (jurisdiction IN ('LU', 'FR', 'DE', 'CH')),
  cohort           text        NOT NULL CHECK (cohort IN ('IBD', 'RA', 'MS')),
  permission       text        NOT NULL,
  disease          text        CHECK (disease ~ '^MONDO:[0-9]{7}$'),
  modifiers        text[]      NOT NULL,
  required_modules text[]      NOT NULL CHECK (cardinality(required_modules) > 0),
  time_limit_months integer    CHECK (time_limit_months > 0),
  subjects         integer     NOT NULL CHECK (subjects >= 0),
  published_at     timestamptz NOT NULL,
  published_by     text        NOT NULL
);
CREATE INDEX dataset_by_jurisdiction ON workflow.dataset (jurisdiction, cohort);

GRANT SELECT, INSERT ON workflow.dataset TO ${appRole};
