/**
 * RFC 9162 section 2.1 Merkle trees over SHA-256: hashing, roots, inclusion and consistency proofs
 * computed from stored subtree hashes, and their verification. No I/O, no framework.
 */
package eu.clinnova.audit.merkle;
