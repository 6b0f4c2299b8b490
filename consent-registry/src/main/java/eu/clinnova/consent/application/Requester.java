package eu.clinnova.consent.application;

import eu.clinnova.audit.log.AuditEvent;
import java.util.Optional;
import java.util.Set;

/**
 * Who asks, as the registry needs to know it: token subject, realm roles, jurisdictions (staff
 * groups) and pseudonym (patients). Built by the API from the verified token.
 */
public record Requester(
    String sub, Set<String> roles, Set<String> jurisdictions, Optional<String> psn) {

  public Requester {
    roles = Set.copyOf(roles);
    jurisdictions = Set.copyOf(jurisdictions);
  }

  public boolean isStewardOf(String jurisdiction) {
    return roles.contains("data-steward") && jurisdictions.contains(jurisdiction);
  }

  public boolean isPatient(String patientPsn) {
    return roles.contains("patient") && psn.map(patientPsn::equals).orElse(false);
  }

  /** The actor of the audit entries this requester causes, in the role they act in. */
  AuditEvent.Actor actor(String role) {
    return new AuditEvent.Actor(sub, role);
  }
}
