/** {@code /api/v1/audit}: the transparency log's checkpoint, key, entries and proofs. */
package eu.clinnova.portal.api.audit;
