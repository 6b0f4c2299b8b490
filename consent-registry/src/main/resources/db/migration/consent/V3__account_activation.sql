-- Linking a patient's Keycloak account to their pseudonym: enrolment issues a one-time code
-- (only its SHA-256 is kept); the patient enters it once signed in, and the portal sets the
-- account's psn attribute. Only the latest code of a patient is valid, once, until it expires.
CREATE TABLE consent.activation_code (
  id          bigserial   PRIMARY KEY,
  psn         text        NOT NULL REFERENCES consent.patient (psn),
  code_sha256 text        NOT NULL UNIQUE CHECK (code_sha256 ~ '^[0-9a-f]{64}$'),
  issued_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  issued_by   text        NOT NULL
);
CREATE INDEX activation_code_by_patient ON consent.activation_code (psn, id DESC);

CREATE TABLE consent.account_link (
  code_id   bigint      PRIMARY KEY REFERENCES consent.activation_code (id),
  psn       text        NOT NULL REFERENCES consent.patient (psn),
  sub       text        NOT NULL,
  linked_at timestamptz NOT NULL
);
CREATE INDEX account_link_by_patient ON consent.account_link (psn, linked_at DESC);

CREATE TRIGGER activation_code_append_only BEFORE UPDATE OR DELETE ON consent.activation_code
  FOR EACH ROW EXECUTE FUNCTION consent.refuse_change();
CREATE TRIGGER account_link_append_only BEFORE UPDATE OR DELETE ON consent.account_link
  FOR EACH ROW EXECUTE FUNCTION consent.refuse_change();

GRANT SELECT, INSERT ON consent.activation_code, consent.account_link TO ${appRole};
GRANT USAGE ON SEQUENCE consent.activation_code_id_seq TO ${appRole};
