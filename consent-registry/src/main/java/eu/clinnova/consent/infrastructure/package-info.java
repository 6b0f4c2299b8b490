/** The registry's tables in PostgreSQL (schema {@code consent}), through plain JDBC. */
package eu.clinnova.consent.infrastructure;
