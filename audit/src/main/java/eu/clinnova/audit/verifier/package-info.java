/**
 * Verifies the log from the outside, with nothing but the JDK and the public API: re-hashes every
 * leaf, recomputes the root, checks the checkpoint's signature, inclusion proofs, and consistency
 * with a checkpoint saved earlier. Also run by the server for compliance officers.
 */
package eu.clinnova.audit.verifier;
