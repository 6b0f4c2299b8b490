/**
 * The release gate: whether a node may release a cohort's data to a researcher, per subject, with
 * the contract's reason codes; the request, the rules (free of framework code), and the gate that
 * reads one snapshot and logs the decision durably before it answers.
 */
package eu.clinnova.release;
