package eu.clinnova.consent.application;

import java.util.Map;

/**
 * A consent as the API receives it, before validation: {@code decisions} maps module codes to
 * {@code permit} or {@code deny}; the signer and evidence are for staff recording a paper form.
 * Nulls are absent fields.
 */
public record ConsentRequest(
    String formId,
    Integer formVersion,
    String language,
    Map<String, String> decisions,
    String signerKind,
    String signerName,
    String evidenceAttachmentId) {}
