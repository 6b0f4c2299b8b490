/**
 * Consent forms: versioned, per jurisdiction, with a text per language whose SHA-256 a record
 * keeps, so that every record proves which exact text the patient saw.
 */
package eu.clinnova.consent.form;
