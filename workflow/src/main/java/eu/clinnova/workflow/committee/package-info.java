/**
 * Each jurisdiction's data-access committee's rules as versioned data: how many votes close the
 * vote (quorum), after how many days members are reminded, the chair is alerted, and the decision
 * is due. An administrator changes them; each change is a new version and an audit entry, and the
 * review reads the version in force.
 */
package eu.clinnova.workflow.committee;
