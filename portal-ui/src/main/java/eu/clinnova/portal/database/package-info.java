/** The database schema: one Flyway history per bounded context, run as the schema owner. */
package eu.clinnova.portal.database;
