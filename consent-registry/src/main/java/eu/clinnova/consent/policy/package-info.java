/**
 * Jurisdiction policies as data: the consent basis, the default when no record exists, validity
 * periods, re-consent triggers and the ethics reference pattern of LU, FR, DE and CH, loaded from
 * versioned configuration ({@code policies/jurisdictions.json}).
 */
package eu.clinnova.consent.policy;
