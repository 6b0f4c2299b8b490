-- Issue 19: each jurisdiction's data-access committee's rules as versioned data, changed by an
-- administrator (every change a new version and an audit entry), seeded from what
-- review/committees.json said (two votes close the vote) and the periods the review process had
-- fixed (a reminder after 7 days, escalation after 14), with the decision due 90 days after the
-- application is complete (EHDS Art. 68: three months).
CREATE TABLE workflow.committee (
  jurisdiction    text        NOT NULL CHECK (jurisdiction IN ('LU', 'FR', 'DE', 'CH')),
  version         integer     NOT NULL CHECK (version >= 1),
  quorum          integer     NOT NULL CHECK (quorum BETWEEN 1 AND 25),
  reminder_days   integer     NOT NULL CHECK (reminder_days BETWEEN 1 AND 180),
  escalation_days integer     NOT NULL CHECK (escalation_days BETWEEN 1 AND 180),
  decision_days   integer     NOT NULL CHECK (decision_days BETWEEN 1 AND 365),
  changed_at      timestamptz NOT NULL,
  changed_by      text        NOT NULL,
  PRIMARY KEY (jurisdiction, version),
  CHECK (reminder_days < escalation_days AND escalation_days < decision_days)
);

INSERT INTO workflow.committee
  (jurisdiction, version, quorum, reminder_days, escalation_days, decision_days, changed_at, changed_by)
SELECT j, 1, 2, 7, 14, 90, now(), 'portal' FROM unnest(ARRAY['LU', 'FR', 'DE', 'CH']) AS j;

CREATE TRIGGER committee_append_only BEFORE UPDATE OR DELETE ON workflow.committee
  FOR EACH ROW EXECUTE FUNCTION workflow.refuse_change();
CREATE TRIGGER committee_no_truncate BEFORE TRUNCATE ON workflow.committee
  FOR EACH STATEMENT EXECUTE FUNCTION workflow.refuse_change();

GRANT SELECT, INSERT ON workflow.committee TO ${appRole};
