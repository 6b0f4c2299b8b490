-- Issue 19: the jurisdictions' consent policies are reviewed data shipped with the portal
-- (policies/jurisdictions.json, versioned). Each version is kept here from the first start that
-- runs it, so that administrators and compliance officers read what was in force when; a version
-- is never changed (a changed policy is a new version).
CREATE TABLE consent.policy_version (
  version       integer     PRIMARY KEY CHECK (version > 0),
  document      jsonb       NOT NULL,
  sha256        text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  in_force_from timestamptz NOT NULL
);
CREATE TRIGGER policy_version_append_only BEFORE UPDATE OR DELETE ON consent.policy_version
  FOR EACH ROW EXECUTE FUNCTION consent.refuse_change();
GRANT SELECT, INSERT ON consent.policy_version TO ${appRole};
