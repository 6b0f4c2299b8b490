package eu.clinnova.consent.domain;

/** One invalid field of a request and why, in words a client developer can act on. */
public record FieldProblem(String field, String message) {}
