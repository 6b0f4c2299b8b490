-- An entitlement's status is derived as of any instant (revoked, suspended when its ethics
-- approval has ended, expired); the release gate needs nothing else. So that the lapse is also
-- a fact in the audit log and a notice to the researcher, a watch records each lapse once.
CREATE TABLE workflow.entitlement_lapse (
  entitlement_id uuid        NOT NULL REFERENCES workflow.entitlement (id),
  status         text        NOT NULL CHECK (status IN ('expired', 'suspended')),
  observed_at    timestamptz NOT NULL,
  PRIMARY KEY (entitlement_id, status)
);
CREATE TRIGGER entitlement_lapse_append_only BEFORE UPDATE OR DELETE ON workflow.entitlement_lapse
  FOR EACH ROW EXECUTE FUNCTION workflow.refuse_change();
CREATE TRIGGER entitlement_lapse_no_truncate BEFORE TRUNCATE ON workflow.entitlement_lapse
  FOR EACH STATEMENT EXECUTE FUNCTION workflow.refuse_change();
GRANT SELECT, INSERT ON workflow.entitlement_lapse TO ${appRole};
