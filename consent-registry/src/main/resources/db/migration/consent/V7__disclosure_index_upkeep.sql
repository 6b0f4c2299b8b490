-- "Who used my data" finds a patient's releases through the GIN index over each release's
-- pseudonyms (V5). GIN collects new entries in a pending list and merges it into the index, in
-- the inserting transaction, once the list exceeds gin_pending_list_limit (4 MB by default): with
-- releases of 10,000 subjects, one release decision in about forty waited 0.5-0.8 s for that
-- merge. The portal merges the list in the background every few seconds instead
-- (eu.clinnova.portal.startup.DisclosureIndexUpkeep), and the limit is raised so that a burst of
-- large releases between two merges does not reach it. Merging needs the index owner's rights:
-- the application role may call this one function, nothing else.
ALTER INDEX consent.disclosure_by_patient SET (gin_pending_list_limit = 32768);

CREATE FUNCTION consent.merge_disclosure_index() RETURNS bigint
  LANGUAGE sql SECURITY DEFINER SET search_path = consent, pg_temp AS $$
  SELECT gin_clean_pending_list('consent.disclosure_by_patient'::regclass)
$$;
REVOKE ALL ON FUNCTION consent.merge_disclosure_index() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION consent.merge_disclosure_index() TO ${appRole};
