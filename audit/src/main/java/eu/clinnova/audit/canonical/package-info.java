/** RFC 8785 JSON Canonicalization Scheme (JCS) for the log's leaves. */
package eu.clinnova.audit.canonical;
