/** The consent API: forms, records, withdrawal, history, receipts, evidence, disclosures. */
package eu.clinnova.portal.api.consent;
