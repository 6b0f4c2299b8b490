/**
 * Applications in the browser: the researcher's list and editor (saved as typed, what is missing,
 * attachments, ethics approvals, submission, agreement, entitlements), and the reviewers' task
 * inbox and review page (DUO match, ethics evidence, what changed, votes, deciding).
 */
package eu.clinnova.portal.ui.applications;
