-- A release's list of patients costs the release gate less to write (ADR 0014):
-- * compared in byte order: the "who used my data" index (GIN) compares pseudonyms when it
--   files a release's entries and when it merges them (V7); pseudonyms are ASCII codes, so
--   byte order is their order, and it is ~30% cheaper than the database's collation;
-- * stored out of line without compression: pglz compressing a 5,000-pseudonym list took
--   ~4 ms of a 10,000-subject decision, which waits for it. The lists compress to about half;
--   storage is traded for the gate's latency.
-- The table is rewritten and its index rebuilt once, here.
ALTER TABLE consent.disclosure
  ALTER COLUMN psns TYPE text[] COLLATE "C",
  ALTER COLUMN psns SET STORAGE EXTERNAL;
