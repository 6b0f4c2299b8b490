-- Flowable's own tables (act_*, flw_*) are created in schema public by the schema owner when
-- the portal starts (WorkflowEngineSettings.schemaManager). The application role may read
-- and write their rows, never change their structure.
GRANT USAGE ON SCHEMA public TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${appRole};
-- Tables that an earlier start may already have created:
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${appRole};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${appRole};
-- This context's own schema: reachable, nothing in it yet.
GRANT USAGE ON SCHEMA workflow TO ${appRole};
