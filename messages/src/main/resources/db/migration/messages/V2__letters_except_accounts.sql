-- Issue 20: a reminder goes to the committee's members who have not voted. The letter names the
-- group and the accounts it must not reach (a JSON array of account ids), expanded by the sender.
ALTER TABLE messages.outbox ADD COLUMN except_accounts jsonb NOT NULL DEFAULT '[]'
  CHECK (jsonb_typeof(except_accounts) = 'array');
