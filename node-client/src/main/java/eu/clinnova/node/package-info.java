/**
 * The node's side of the release gate: {@link eu.clinnova.node.NodeClient} asks the gate and
 * releases nothing unless the answer verifies ({@link eu.clinnova.node.AnswerVerifier}: the token
 * against the portal's JWKS, the audit entry's inclusion proof against a checkpoint signed by the
 * log's verifier key, the log consistent with what this node saw before); {@link
 * eu.clinnova.node.NodeCommand} is the same as a command-line tool.
 */
package eu.clinnova.node;
