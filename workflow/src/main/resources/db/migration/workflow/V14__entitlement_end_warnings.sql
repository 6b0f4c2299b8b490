-- The entitlement watch also warns a holder 30 and 7 days before their access ends (issue 20),
-- once each: the warning is an observation of the same kind as a lapse, kept in the same table.
ALTER TABLE workflow.entitlement_lapse DROP CONSTRAINT entitlement_lapse_status_check;
ALTER TABLE workflow.entitlement_lapse ADD CONSTRAINT entitlement_lapse_status_check
  CHECK (status IN ('expired', 'suspended', 'ending-30', 'ending-7'));
