-- Guardians who sign online for a minor: a steward issues a guardian code for the minor; the
-- guardian, signed in, enters it; the link (account -> minor) is kept here, not in Keycloak.
-- A minor may have several guardians, each with their own code. A guardian acts for the minor
-- until the minor comes of age.
ALTER TABLE consent.activation_code
  ADD COLUMN purpose text NOT NULL DEFAULT 'patient' CHECK (purpose IN ('patient', 'guardian'));

CREATE TABLE consent.guardian_link (
  code_id   bigint      PRIMARY KEY REFERENCES consent.activation_code (id),
  psn       text        NOT NULL REFERENCES consent.patient (psn),
  sub       text        NOT NULL,
  linked_at timestamptz NOT NULL
);
CREATE INDEX guardian_link_by_account ON consent.guardian_link (sub, psn);

CREATE TRIGGER guardian_link_append_only BEFORE UPDATE OR DELETE ON consent.guardian_link
  FOR EACH ROW EXECUTE FUNCTION consent.refuse_change();

GRANT SELECT, INSERT ON consent.guardian_link TO ${appRole};
