-- Issue 20: a renewal is a linked application (like an amendment, it names the approved application
-- in amends) holding the approved content, reviewed for what changes; once approved and accepted,
-- access continues without a gap: each dataset's next entitlement starts when the current one ends.
-- An application and dataset may therefore hold successive entitlements, one per start.
ALTER TABLE workflow.application ADD COLUMN renewal boolean NOT NULL DEFAULT false;
ALTER TABLE workflow.application ADD CONSTRAINT application_renewal_links
  CHECK (NOT renewal OR amends IS NOT NULL);

ALTER TABLE workflow.entitlement DROP CONSTRAINT entitlement_application_id_dataset_id_key;
ALTER TABLE workflow.entitlement ADD CONSTRAINT entitlement_one_per_start
  UNIQUE (application_id, dataset_id, researcher, valid_from);
