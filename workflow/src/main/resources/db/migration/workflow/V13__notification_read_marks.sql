-- Read marks of in-app notifications, per account: a notification to a group (dac-LU) is read by
-- each member on their own (issue 20). Marks are only added; a notification stays append-only.
CREATE TABLE workflow.notification_read (
  notification_id bigint      NOT NULL REFERENCES workflow.notification (id),
  account         text        NOT NULL,
  read_at         timestamptz NOT NULL,
  PRIMARY KEY (account, notification_id)
);

GRANT SELECT, INSERT ON workflow.notification_read TO ${appRole};
