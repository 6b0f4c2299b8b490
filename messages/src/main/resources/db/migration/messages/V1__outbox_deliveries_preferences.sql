-- What the portal tells people by e-mail (ADR 0024).

-- The outbox: one row per message and logical recipient, inserted in the transaction of the change
-- that causes it, so that a change and its message commit or roll back together.
CREATE TABLE messages.outbox (
  id              bigserial   PRIMARY KEY,
  -- an account id, a group of the review (steward-LU, dac-LU, chair-LU), admin, or patient:<psn>
  recipient       text        NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
  kind            text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]{1,60}$'),
  application_id  uuid,
  jurisdiction    text        CHECK (jurisdiction IN ('LU', 'FR', 'DE', 'CH')),
  -- what the text names (the application's title ...), never a patient's data beyond the pseudonym
  facts           jsonb       NOT NULL DEFAULT '{}'::jsonb,
  -- where in the portal the message leads (a path)
  link            text        NOT NULL CHECK (link LIKE '/%'),
  created_at      timestamptz NOT NULL,
  -- when its recipients were looked up and its deliveries made
  expanded_at     timestamptz,
  expansion_error text
);
CREATE INDEX outbox_to_expand ON messages.outbox (id) WHERE expanded_at IS NULL;

-- One e-mail to one address, in the addressee's language, with its retries.
CREATE TABLE messages.delivery (
  id              bigserial   PRIMARY KEY,
  outbox_id       bigint      NOT NULL REFERENCES messages.outbox (id),
  account         text        NOT NULL,
  address         text        NOT NULL,
  language        text        NOT NULL CHECK (language IN ('en', 'fr', 'de')),
  subject_line    text        NOT NULL,
  body            text        NOT NULL,
  state           text        NOT NULL CHECK (state IN ('pending', 'sent', 'gave-up')),
  attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at      timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  -- after this instant a failed attempt is the last one
  deadline        timestamptz NOT NULL,
  sent_at         timestamptz,
  last_error      text,
  UNIQUE (outbox_id, address)
);
CREATE INDEX delivery_due ON messages.delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX delivery_newest ON messages.delivery (id DESC);

-- Every attempt, as the administrator sees it.
CREATE TABLE messages.attempt (
  id          bigserial   PRIMARY KEY,
  delivery_id bigint      NOT NULL REFERENCES messages.delivery (id),
  at          timestamptz NOT NULL,
  outcome     text        NOT NULL CHECK (outcome IN ('sent', 'failed', 'refused')),
  error       text
);
CREATE INDEX attempt_by_delivery ON messages.attempt (delivery_id, id);

-- Each account's choices: the language of its messages and which e-mails it wants.
CREATE TABLE messages.preference (
  account                   text        PRIMARY KEY,
  -- a patient's pseudonym (from their token), so that a release can tell who asked to know
  psn                       text,
  language                  text        NOT NULL CHECK (language IN ('en', 'fr', 'de')),
  email_tasks               boolean     NOT NULL,
  email_decisions           boolean     NOT NULL,
  email_releases_of_my_data boolean     NOT NULL,
  updated_at                timestamptz NOT NULL
);

CREATE INDEX preference_release_mail ON messages.preference (psn)
  WHERE email_releases_of_my_data AND psn IS NOT NULL;

GRANT USAGE ON SCHEMA messages TO ${appRole};
GRANT SELECT, INSERT ON messages.outbox, messages.attempt TO ${appRole};
GRANT UPDATE (expanded_at, expansion_error) ON messages.outbox TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON messages.delivery, messages.preference TO ${appRole};
GRANT USAGE ON SEQUENCE messages.outbox_id_seq, messages.delivery_id_seq, messages.attempt_id_seq
  TO ${appRole};
