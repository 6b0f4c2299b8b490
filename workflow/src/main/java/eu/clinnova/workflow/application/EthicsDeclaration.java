package eu.clinnova.workflow.application;

/**
 * An ethics approval as the applicant declares it, field by field as given (null where absent or
 * not text): {@link Applications#addEthicsApproval} checks it only once it knows the application is
 * the caller's, so someone else's input says nothing about it.
 *
 * @param validFrom a date as {@code YYYY-MM-DD}
 * @param validUntil a date as {@code YYYY-MM-DD}
 * @param attachmentId the id of the approval letter attached to the application
 */
public record EthicsDeclaration(
    String jurisdiction,
    String committee,
    String reference,
    String validFrom,
    String validUntil,
    String attachmentId) {}
