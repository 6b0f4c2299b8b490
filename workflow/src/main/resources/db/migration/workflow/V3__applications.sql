-- Data-access applications and their review. The application row is the applicant's working
-- copy (a draft is saved as it is typed, so it may be incomplete); everything that happened to
-- it is appended and never changed: each submitted revision, its events, votes, attachments,
-- ethics approvals, the accepted agreement. Entitlements change only by revocation.

CREATE FUNCTION workflow.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'workflow.% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TABLE workflow.application (
  id                  uuid        PRIMARY KEY,
  owner_sub           text        NOT NULL,
  owner_name          text        NOT NULL,
  state               text        NOT NULL CHECK (state IN ('draft', 'submitted', 'returned',
                                     'under-review', 'approved', 'rejected', 'withdrawn', 'closed')),
  document            jsonb       NOT NULL,
  -- the jurisdictions of the requested datasets, kept in step with the document
  jurisdictions       text[]      NOT NULL,
  revision            integer     NOT NULL DEFAULT 0 CHECK (revision >= 0),
  process_instance_id text,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX application_by_owner ON workflow.application (owner_sub, updated_at DESC);
CREATE INDEX application_by_jurisdiction ON workflow.application USING gin (jurisdictions);

-- Each jurisdiction concerned by a submitted application, and where its review stands.
CREATE TABLE workflow.jurisdiction_review (
  application_id uuid        NOT NULL REFERENCES workflow.application (id),
  jurisdiction   text        NOT NULL CHECK (jurisdiction IN ('LU', 'FR', 'DE', 'CH')),
  state          text        NOT NULL CHECK (state IN ('waiting', 'ethics-check', 'returned',
                                'dac-review', 'chair-decision', 'approved', 'rejected', 'ended')),
  decision       text        CHECK (decision IN ('approve', 'approve-with-conditions', 'reject')),
  conditions     text,
  round          integer     NOT NULL DEFAULT 1,
  changed_at     timestamptz NOT NULL,
  PRIMARY KEY (application_id, jurisdiction)
);

-- The document as submitted, once per submission: what reviewers saw, and what changed.
CREATE TABLE workflow.application_revision (
  application_id uuid        NOT NULL REFERENCES workflow.application (id),
  revision       integer     NOT NULL CHECK (revision > 0),
  document       jsonb       NOT NULL,
  submitted_at   timestamptz NOT NULL,
  PRIMARY KEY (application_id, revision)
);

-- What happened, for the applicant's timeline and the reviewers (comments live here, not in
-- the audit log, which holds their digests only).
CREATE TABLE workflow.application_event (
  id             bigserial   PRIMARY KEY,
  application_id uuid        NOT NULL REFERENCES workflow.application (id),
  at             timestamptz NOT NULL,
  kind           text        NOT NULL,
  jurisdiction   text,
  actor_sub      text        NOT NULL,
  actor_role     text        NOT NULL,
  outcome        text,
  comment        text        CHECK (length(comment) <= 4000)
);
CREATE INDEX application_event_by_application ON workflow.application_event (application_id, id);

CREATE TABLE workflow.application_attachment (
  id             uuid        PRIMARY KEY,
  application_id uuid        NOT NULL REFERENCES workflow.application (id),
  file_name      text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type     text        NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes     integer     NOT NULL CHECK (size_bytes > 0),
  sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content        bytea       NOT NULL,
  uploaded_at    timestamptz NOT NULL,
  uploaded_by    text        NOT NULL
);
CREATE INDEX application_attachment_by_application ON workflow.application_attachment (application_id);

CREATE TABLE workflow.ethics_approval (
  id             uuid        PRIMARY KEY,
  application_id uuid        NOT NULL REFERENCES workflow.application (id),
  jurisdiction   text        NOT NULL CHECK (jurisdiction IN ('LU', 'FR', 'DE', 'CH')),
  committee      text        NOT NULL CHECK (length(committee) BETWEEN 1 AND 200),
  reference      text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 60),
  valid_from     date        NOT NULL,
  valid_until    date        NOT NULL CHECK (valid_until >= valid_from),
  attachment_id  uuid        NOT NULL REFERENCES workflow.application_attachment (id),
  added_at       timestamptz NOT NULL,
  added_by       text        NOT NULL
);
CREATE INDEX ethics_approval_by_application ON workflow.ethics_approval (application_id, jurisdiction, added_at);

-- A committee member's word in one round of one jurisdiction's review: a vote with its
-- reason, or a declared conflict of interest (then no vote).
CREATE TABLE workflow.vote (
  application_id uuid        NOT NULL REFERENCES workflow.application (id),
  jurisdiction   text        NOT NULL,
  round          integer     NOT NULL,
  member_sub     text        NOT NULL,
  member_name    text        NOT NULL,
  conflict       boolean     NOT NULL,
  vote           text        CHECK (vote IN ('approve', 'reject')),
  reason         text        CHECK (length(reason) <= 4000),
  cast_at        timestamptz NOT NULL,
  PRIMARY KEY (application_id, jurisdiction, round, member_sub),
  CHECK (conflict = (vote IS NULL))
);

CREATE TABLE workflow.agreement_acceptance (
  application_id uuid        PRIMARY KEY REFERENCES workflow.application (id),
  version        integer     NOT NULL,
  sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  accepted_at    timestamptz NOT NULL,
  accepted_by    text        NOT NULL
);

-- Access to one dataset through one approved application. Its status is derived as of any
-- instant: revoked, suspended (the ethics approval it rests on has ended), expired, active.
CREATE TABLE workflow.entitlement (
  id                uuid        PRIMARY KEY,
  application_id    uuid        NOT NULL REFERENCES workflow.application (id),
  researcher        text        NOT NULL,
  dataset_id        text        NOT NULL REFERENCES workflow.dataset (id),
  ethics_approval_id uuid       NOT NULL REFERENCES workflow.ethics_approval (id),
  valid_from        timestamptz NOT NULL,
  valid_until       timestamptz NOT NULL CHECK (valid_until > valid_from),
  revoked_at        timestamptz,
  revoked_by        text,
  revoke_reason     text,
  UNIQUE (application_id, dataset_id)
);
CREATE INDEX entitlement_by_researcher ON workflow.entitlement (researcher);
CREATE INDEX entitlement_by_dataset ON workflow.entitlement (dataset_id);

-- In-app notifications: to one user (sub) or to everyone of a group (such as dac-LU).
CREATE TABLE workflow.notification (
  id             bigserial   PRIMARY KEY,
  recipient      text        NOT NULL,
  application_id uuid        NOT NULL REFERENCES workflow.application (id),
  kind           text        NOT NULL,
  jurisdiction   text,
  at             timestamptz NOT NULL
);
CREATE INDEX notification_by_recipient ON workflow.notification (recipient, id DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['application_revision', 'application_event', 'application_attachment',
                           'ethics_approval', 'vote', 'agreement_acceptance', 'notification'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON workflow.%I FOR EACH ROW EXECUTE FUNCTION workflow.refuse_change()', t || '_append_only', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON workflow.%I FOR EACH STATEMENT EXECUTE FUNCTION workflow.refuse_change()', t || '_no_truncate', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON workflow.application, workflow.jurisdiction_review TO ${appRole};
GRANT SELECT, INSERT ON workflow.application_revision, workflow.application_event,
  workflow.application_attachment, workflow.ethics_approval, workflow.vote,
  workflow.agreement_acceptance, workflow.notification TO ${appRole};
-- Entitlements: granted, then only revoked (the columns of revocation), never deleted.
GRANT SELECT, INSERT ON workflow.entitlement TO ${appRole};
GRANT UPDATE (revoked_at, revoked_by, revoke_reason) ON workflow.entitlement TO ${appRole};
GRANT USAGE ON SEQUENCE workflow.application_event_id_seq, workflow.notification_id_seq TO ${appRole};
