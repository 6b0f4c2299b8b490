-- Issue 20 / ADR 0027: each team member with a researcher's account accepts the data access
-- agreement in their own name and then holds entitlements of their own. One acceptance per member
-- and project (an amendment's or renewal's members accept on the approved application it extends),
-- written once. `address` is the verified address by which the team names the member: what made
-- this account that member.
CREATE TABLE workflow.member_agreement (
  application_id uuid        NOT NULL REFERENCES workflow.application (id),
  member_sub     text        NOT NULL,
  address        text        NOT NULL CHECK (address = lower(address) AND length(address) <= 254),
  version        integer     NOT NULL,
  sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  accepted_at    timestamptz NOT NULL,
  PRIMARY KEY (application_id, member_sub),
  UNIQUE (application_id, address)
);
CREATE TRIGGER member_agreement_append_only BEFORE UPDATE OR DELETE ON workflow.member_agreement
  FOR EACH ROW EXECUTE FUNCTION workflow.refuse_change();
CREATE TRIGGER member_agreement_no_truncate BEFORE TRUNCATE ON workflow.member_agreement
  FOR EACH STATEMENT EXECUTE FUNCTION workflow.refuse_change();

GRANT SELECT, INSERT ON workflow.member_agreement TO ${appRole};
