-- The release gate's copy of consent.patient_state (ADR 0015): every row says which transaction
-- last wrote it, so that a decision can ask, in its own snapshot, for exactly the rows written by
-- transactions a copy taken in an earlier snapshot does not see (pg_visible_in_snapshot), and take
-- every other patient from the copy.
--
-- A trigger sets it on every insert and update, whoever writes: the projection's own triggers, a
-- migration or a bulk load. The index serves "written since" (rows by transaction id, newest few).

ALTER TABLE consent.patient_state ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE FUNCTION consent.patient_state_written() RETURNS trigger
  LANGUAGE plpgsql SET search_path = consent, pg_temp AS $$
BEGIN
  NEW.written_by := pg_current_xact_id();
  RETURN NEW;
END
$$;

CREATE TRIGGER patient_state_written BEFORE INSERT OR UPDATE ON consent.patient_state
  FOR EACH ROW EXECUTE FUNCTION consent.patient_state_written();

CREATE INDEX patient_state_written_by ON consent.patient_state (written_by);
