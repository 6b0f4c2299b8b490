/**
 * Data-access applications: the applicant's document (saved as typed), attachments, ethics
 * approvals, what is missing before submission, and the application's life from draft to a
 * decision.
 */
package eu.clinnova.workflow.application;
