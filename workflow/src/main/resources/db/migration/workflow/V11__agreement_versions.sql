-- Issue 19: the data access agreement's versions are data, published by administrators (each
-- logged as agreement.published), no longer a text inside the jar. Applicants accept the latest
-- version; an acceptance keeps the version and the SHA-256 of the exact text it agreed to, so a
-- version is never changed or removed once published. Version 1 is the text shipped so far.
CREATE TABLE workflow.agreement_version (
  version      integer     PRIMARY KEY CHECK (version > 0),
  text         text        NOT NULL CHECK (length(text) BETWEEN 1 AND 100000),
  sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  published_at timestamptz NOT NULL,
  published_by text        NOT NULL
);
CREATE TRIGGER agreement_version_append_only BEFORE UPDATE OR DELETE ON workflow.agreement_version
  FOR EACH ROW EXECUTE FUNCTION workflow.refuse_change();
GRANT SELECT, INSERT ON workflow.agreement_version TO ${appRole};

INSERT INTO workflow.agreement_version (version, text, sha256, published_at, published_by)
SELECT 1, t, encode(sha256(convert_to(t, 'UTF8')), 'hex'), now(), 'portal'
  FROM (SELECT $agreement$Clinnova data access agreement, version 1

1. The recipient uses the data released under this application only for the purpose approved by
   the data-access committees, by the team members named in the application, and only while the
   entitlements are active.
2. The data stay on the infrastructure named in the application; the recipient does not try to
   re-identify any person, does not link the data with other data except as approved, and does not
   pass them on.
3. The recipient honours the conditions set by each committee and the data use terms (DUO) of
   each dataset, including publication, return of derived data and time limits.
4. The recipient reports any breach of security or of these terms to the data-access committees
   within 72 hours.
5. When an entitlement ends (expiry, revocation, suspension after the end of an ethics approval),
   the recipient stops using the data and deletes them, unless the committee agrees otherwise in
   writing.
6. Publications acknowledge the Clinnova network and the patients who consented.
$agreement$::text AS t) v1;
