package eu.clinnova.workflow.application;

import java.util.Locale;

/**
 * A member of the research team as the applicant names them. A member who has a researcher's
 * account with this address, verified by the identity provider, accepts the data access agreement
 * in their own name and gets entitlements of their own (ADR 0027).
 */
public record TeamMember(String name, String email, String affiliation) {

  /**
   * The address as the portal compares it (trimmed, lower-cased, like {@code
   * Caller.teamAddress()}); empty when the applicant gave none.
   */
  public String address() {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code address} (lower-cased) is this member's, compared without case. */
  public boolean isReachedAt(String address) {
    return !address().isEmpty() && address().equals(address);
  }
}
