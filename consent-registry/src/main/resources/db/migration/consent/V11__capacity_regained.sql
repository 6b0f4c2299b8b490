-- Regained capacity (issue 17; CH): a steward records that a patient whose consent a legal
-- representative gave has regained capacity, as a record in the patient's history. From it on, the
-- representative's permits count as the jurisdiction's policy says while the patient has not
-- decided themself (whileRenewalDue), and the patient is asked to decide.
ALTER TABLE consent.record DROP CONSTRAINT record_kind_check;
ALTER TABLE consent.record ADD CONSTRAINT record_kind_check
  CHECK (kind IN ('consent', 'withdrawal', 'objection', 'information', 'capacity'));
