/**
 * Runs the whole portal on one machine: an embedded PostgreSQL, the real Keycloak with the
 * development realm, and the provisioned WildFly. Used by the run command and, for the database and
 * Keycloak, by the system tests.
 */
package eu.clinnova.deployment.local;
