/**
 * C2SP signed notes with Ed25519 keys (the format of Go's {@code golang.org/x/mod/sumdb/note}) and
 * tlog checkpoints, so that standard tooling verifies the log's signed tree heads.
 */
package eu.clinnova.audit.note;
