-- An amendment of an approved application (a dataset or a team member added) is an application
-- of its own that names the one it amends; it is reviewed for what it adds, by the
-- jurisdictions concerned, and its entitlements cover the datasets it adds.
ALTER TABLE workflow.application ADD COLUMN amends uuid REFERENCES workflow.application (id);
CREATE INDEX application_amendments ON workflow.application (amends) WHERE amends IS NOT NULL;
