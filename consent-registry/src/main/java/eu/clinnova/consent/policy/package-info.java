/**
 * Where the jurisdictions' policies come from: {@code policies/jurisdictions.json}, versioned
 * configuration read into the domain's {@link eu.clinnova.consent.domain.JurisdictionPolicy} (the
 * consent basis, the default when no record exists, validity periods, re-consent triggers and their
 * effect, the modules a purpose needs, the ethics reference pattern of LU, FR, DE and CH).
 */
package eu.clinnova.consent.policy;
