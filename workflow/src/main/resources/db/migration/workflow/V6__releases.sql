-- The release gate's decisions. Each decision is first a durable entry in the audit log; then,
-- in the transaction that read the snapshot it was decided on, one row here (what was asked,
-- the answer, the audit index), the denied subjects by reason, and one
-- consent.disclosure row per permitted subject ("who used my data"). Nothing is ever changed.

-- Where the applicant works (their identity provider group when they created the
-- application): a recipient outside the dataset's jurisdiction needs CROSS-BORDER. Unknown
-- counts as outside.
ALTER TABLE workflow.application ADD COLUMN applicant_jurisdiction text
  CHECK (applicant_jurisdiction IN ('LU', 'FR', 'DE', 'CH'));

CREATE TABLE workflow.release (
  id                   uuid        PRIMARY KEY,
  node                 text        NOT NULL,
  application_id       uuid        NOT NULL REFERENCES workflow.application (id),
  dataset_id           text        NOT NULL REFERENCES workflow.dataset (id),
  jurisdiction         text        NOT NULL CHECK (jurisdiction IN ('LU', 'FR', 'DE', 'CH')),
  recipient            text        NOT NULL,
  decision             text        NOT NULL CHECK (decision IN ('permit', 'partial', 'deny')),
  -- why the whole request was denied (empty unless decision = deny for the whole request)
  reasons              text[]      NOT NULL,
  -- the modules each subject had to permit
  modules              text[]      NOT NULL,
  requested            integer     NOT NULL CHECK (requested > 0),
  permitted            integer     NOT NULL CHECK (permitted >= 0 AND permitted <= requested),
  -- how many subjects were denied, per reason code: {"consent-withdrawn": 3, ...}
  denials              jsonb       NOT NULL,
  -- base64 SHA-256 of the requested and of the permitted pseudonyms, sorted, joined by \n
  requested_sha256     text        NOT NULL,
  permitted_sha256     text        NOT NULL,
  decided_at           timestamptz NOT NULL,
  token_expires_at     timestamptz,
  audit_index          bigint      NOT NULL UNIQUE
);
CREATE INDEX release_by_time ON workflow.release (decided_at DESC, id);
CREATE INDEX release_by_node ON workflow.release (node, decided_at DESC);
CREATE INDEX release_by_application ON workflow.release (application_id, decided_at DESC);
CREATE INDEX release_by_dataset ON workflow.release (dataset_id, decided_at DESC);

-- The denied subjects, one row per reason with the pseudonyms denied for it (unknown ones
-- included: they are the node's words). Per subject, yet one row per reason, so that a
-- 10,000-subject decision writes a handful of rows.
CREATE TABLE workflow.release_denial (
  release_id uuid   NOT NULL REFERENCES workflow.release (id),
  reason     text   NOT NULL,
  psns       text[] NOT NULL CHECK (cardinality(psns) > 0),
  PRIMARY KEY (release_id, reason)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['release', 'release_denial'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON workflow.%I FOR EACH ROW EXECUTE FUNCTION workflow.refuse_change()', t || '_append_only', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON workflow.%I FOR EACH STATEMENT EXECUTE FUNCTION workflow.refuse_change()', t || '_no_truncate', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT ON workflow.release, workflow.release_denial TO ${appRole};
