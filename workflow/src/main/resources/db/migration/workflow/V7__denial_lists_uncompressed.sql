-- A release's denied subjects, per reason, stored out of line without compression, as the
-- consent registry's disclosure lists are (consent V8, ADR 0014): compressing them was a few
-- milliseconds of every large release decision.
ALTER TABLE workflow.release_denial ALTER COLUMN psns SET STORAGE EXTERNAL;
