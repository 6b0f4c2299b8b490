/**
 * Receipts of consent records: the ISO/IEC TS 27560 fields as JSON, and a PDF in the signer's
 * language.
 */
package eu.clinnova.consent.receipt;
