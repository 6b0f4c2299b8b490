/**
 * Account activation: a one-time code issued at enrolment links a patient's identity-provider
 * account to their pseudonym.
 */
package eu.clinnova.consent.account;
