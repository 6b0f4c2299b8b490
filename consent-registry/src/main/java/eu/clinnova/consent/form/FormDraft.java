package eu.clinnova.consent.form;

import java.time.Instant;

/**
 * The next version of a form as an administrator prepares it: not in force, read by nobody else
 * than administrators, published (and gone) when they decide. One draft per form.
 */
public record FormDraft(ConsentForm form, String savedBy, Instant savedAt) {}
