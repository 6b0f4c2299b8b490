-- Several portal instances share one log (ADR 0030). Each commits its batches under a
-- transaction-level advisory lock, so one batch is written at a time; a caller waiting for an
-- entry that another instance's batch moved out of audit.pending_entry finds it here by the
-- pending row it came from. Not part of the leaf: the tree and its proofs are unchanged.
ALTER TABLE audit.entry ADD COLUMN pending_id bigint;
