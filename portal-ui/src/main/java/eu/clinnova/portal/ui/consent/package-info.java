/**
 * The patient's consent pages (dashboard, history and receipts, who used my data, account
 * activation) and the stewards' patient pages.
 */
package eu.clinnova.portal.ui.consent;
