package eu.clinnova.audit.service;

import java.nio.file.Path;

/**
 * How the log is named and signed: the checkpoint origin (also the key's name) and where the
 * signing key lives.
 */
public record AuditLogSettings(String origin, Path signingKeyFile) {}
