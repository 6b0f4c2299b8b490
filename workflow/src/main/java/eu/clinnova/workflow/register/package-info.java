/**
 * The network's record of processing activities (GDPR Art. 30(1)), generated from what the portal
 * already holds: each approved application is an activity, with its purposes, legal bases (the
 * jurisdictions' policies), data subjects and categories (the datasets), recipients (the team),
 * transfers to or from Switzerland with their safeguard, retention (the access period) and the
 * portal's security measures; the controller and DPO come from configuration.
 */
package eu.clinnova.workflow.register;
