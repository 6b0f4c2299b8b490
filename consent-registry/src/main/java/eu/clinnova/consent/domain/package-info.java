/**
 * The consent model of {@code design/domain.md}, free of frameworks: network modules, append-only
 * records, and the derivation of a patient's current (or past) consent state under their
 * jurisdiction's policy. gICS's vocabulary: template (form), module, policy, signed policy
 * (record), signer, validity.
 */
package eu.clinnova.consent.domain;
