-- The audit log (design/api-contract.md, "Audit log"): an RFC 9162 Merkle tree over the
-- entries in append order. Entries, the stored subtree hashes and the signed checkpoints can
-- only ever be added: the application role may INSERT and SELECT them, nothing else, and a
-- trigger refuses UPDATE, DELETE and TRUNCATE even to the owner.

CREATE TABLE audit.entry (
  idx          bigint      PRIMARY KEY CHECK (idx >= 0),
  leaf         bytea       NOT NULL,  -- the exact RFC 8785 bytes that were hashed
  leaf_hash    bytea       NOT NULL CHECK (length(leaf_hash) = 32),
  logged_at    timestamptz NOT NULL,  -- the entry's "time"
  action       text        NOT NULL,
  actor_sub    text        NOT NULL,
  actor_role   text        NOT NULL,
  subject_type text        NOT NULL,
  subject_id   text        NOT NULL
);
-- Searches page by (key, idx) so that paging stays fast at millions of entries.
CREATE INDEX entry_by_time ON audit.entry (logged_at, idx);
CREATE INDEX entry_by_action ON audit.entry (action, idx);
CREATE INDEX entry_by_actor ON audit.entry (actor_sub, idx);
CREATE INDEX entry_by_subject ON audit.entry (subject_type, subject_id, idx);

-- Hash of the perfect subtree at (level, idx), covering leaves [idx * 2^level, (idx + 1) * 2^level).
CREATE TABLE audit.tree_node (
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 63),
  idx   bigint   NOT NULL CHECK (idx >= 0),
  hash  bytea    NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, idx)
);

-- One signed checkpoint (C2SP signed note) per committed batch of appends.
CREATE TABLE audit.checkpoint (
  tree_size bigint      PRIMARY KEY CHECK (tree_size > 0),
  root_hash bytea       NOT NULL CHECK (length(root_hash) = 32),
  note      text        NOT NULL,
  signed_at timestamptz NOT NULL
);

-- Entries written inside a caller's transaction, waiting for the sequencer to give them an
-- index. A row exists only between the caller's commit and the sequencer's commit that
-- moves it into audit.entry (in the same transaction that deletes it here).
CREATE TABLE audit.pending_entry (
  id           bigserial   PRIMARY KEY,
  occurred_at  timestamptz NOT NULL,
  action       text        NOT NULL,
  actor_sub    text        NOT NULL,
  actor_role   text        NOT NULL,
  subject_type text        NOT NULL,
  subject_id   text        NOT NULL,
  data         text        NOT NULL   -- canonical JSON object
);

CREATE FUNCTION audit.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE ON audit.entry
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON audit.entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER tree_node_append_only BEFORE UPDATE OR DELETE ON audit.tree_node
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER tree_node_no_truncate BEFORE TRUNCATE ON audit.tree_node
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON audit.checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON audit.checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

GRANT USAGE ON SCHEMA audit TO ${appRole};
GRANT SELECT, INSERT ON audit.entry, audit.tree_node, audit.checkpoint TO ${appRole};
GRANT SELECT, INSERT, DELETE ON audit.pending_entry TO ${appRole};
GRANT USAGE ON SEQUENCE audit.pending_entry_id_seq TO ${appRole};
