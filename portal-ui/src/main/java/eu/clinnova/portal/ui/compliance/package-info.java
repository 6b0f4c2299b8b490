/** The compliance officer's views: search the audit log, inspect entries, verify the log. */
package eu.clinnova.portal.ui.compliance;
