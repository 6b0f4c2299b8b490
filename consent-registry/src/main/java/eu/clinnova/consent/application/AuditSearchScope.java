package eu.clinnova.consent.application;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;

/**
 * Which log entries a caller may search ({@code GET /fhir/r4/AuditEvent}): a compliance officer
 * every entry, by patient or by what it is about; a patient only the entries about themself,
 * whatever they asked for. The API parses the search; the rule is here.
 */
public final class AuditSearchScope {

  /** What entries are about: {@code patient/LU-0001}, {@code application/<id>}; null = any. */
  public record About(String type, String id) {}

  private AuditSearchScope() {}

  /**
   * The subject the caller's search is limited to (null: any), given the patient and the entity
   * they asked for (either may be null).
   */
  public static About limit(Caller caller, String patient, About entity) {
    if (caller.has(Role.COMPLIANCE_OFFICER)) {
      return entity != null ? entity : patient != null ? new About("patient", patient) : null;
    }
    if (entity != null) {
      throw Refusal.forbidden("Only compliance officers search entries by entity.");
    }
    String own =
        caller
            .psn()
            .filter(psn -> caller.has(Role.PATIENT))
            .orElseThrow(() -> Refusal.forbidden("Your account has no pseudonym yet."));
    if (patient != null && !patient.equals(own)) {
      throw Refusal.notFound("No audit events for that patient.");
    }
    return new About("patient", own);
  }
}
