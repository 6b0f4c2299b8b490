package eu.clinnova.release;

import eu.clinnova.consent.application.ConsentQueries.PatientState;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.workflow.application.EthicsApproval;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.entitlement.Entitlement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The release rules of the contract, as of one instant, with its stable reason codes. First the
 * whole request: an active entitlement of the recipient to the dataset through the application, the
 * agreement accepted, a current ethics approval of the dataset's jurisdiction. Then each subject:
 * known to this dataset's node, in its cohort, and {@code permit} on every module the dataset
 * requires and the purpose needs ({@link eu.clinnova.workflow.application.ModulesNeeded}).
 */
public final class ReleaseRules {

  public static final String UNKNOWN_SUBJECT = "unknown-subject";
  public static final String CONSENT_WITHDRAWN = "consent-withdrawn";
  public static final String CONSENT_MISSING = "consent-missing";
  public static final String WRONG_COHORT = "wrong-cohort";
  public static final String NO_ENTITLEMENT = "no-entitlement";
  public static final String ENTITLEMENT_EXPIRED = "entitlement-expired";
  public static final String ENTITLEMENT_REVOKED = "entitlement-revoked";
  public static final String ETHICS_EXPIRED = "ethics-expired";
  public static final String AGREEMENT_MISSING = "agreement-missing";
  public static final String WRONG_NODE = "wrong-node";

  private ReleaseRules() {}

  /** What the whole request rests on, read in one snapshot. */
  public record Grounds(
      Dataset dataset,
      Optional<Entitlement> entitlement,
      boolean agreementAccepted,
      Optional<EthicsApproval> ethics,
      Set<ConsentModule> modulesNeeded) {}

  /** Why the whole request is denied; empty if it may go on to the subjects. */
  public static List<String> wholeRequest(Grounds grounds, Instant at) {
    List<String> reasons = new ArrayList<>();
    if (grounds.entitlement().isEmpty()) {
      reasons.add(NO_ENTITLEMENT);
    } else {
      switch (grounds.entitlement().get().statusAt(at)) {
        case REVOKED -> reasons.add(ENTITLEMENT_REVOKED);
        case EXPIRED, PENDING -> reasons.add(ENTITLEMENT_EXPIRED);
        case SUSPENDED -> reasons.add(ETHICS_EXPIRED);
        case ACTIVE -> {}
        default -> throw new IllegalStateException();
      }
    }
    if (!grounds.agreementAccepted()) {
      reasons.add(AGREEMENT_MISSING);
    }
    boolean ethicsValid =
        grounds
            .ethics()
            .map(e -> e.isValidOn(at.atZone(ZoneOffset.UTC).toLocalDate()))
            .orElse(false);
    if (!ethicsValid && !reasons.contains(ETHICS_EXPIRED)) {
      reasons.add(ETHICS_EXPIRED);
    }
    return reasons;
  }

  /** Why one subject is denied, or empty when their data may be released. */
  public static Optional<String> subject(
      PatientState state, Dataset dataset, Set<ConsentModule> needed) {
    return Optional.ofNullable(
        denial(state, dataset.jurisdiction(), Patient.Cohort.valueOf(dataset.cohort()), needed));
  }

  /**
   * The same for many subjects of one dataset (its jurisdiction and cohort looked up once): the
   * reason code, or null when the subject's data may be released.
   */
  static String denial(
      PatientState state, String jurisdiction, Patient.Cohort cohort, Set<ConsentModule> needed) {
    if (state == null || !state.patient().jurisdiction().equals(jurisdiction)) {
      // Not a patient of this dataset's node: the node must not learn whether they exist elsewhere.
      return UNKNOWN_SUBJECT;
    }
    if (!state.patient().cohorts().contains(cohort)) {
      return WRONG_COHORT;
    }
    boolean withdrawn = false;
    boolean missing = false;
    for (ConsentModule module : needed) {
      ModuleState held = state.modules().get(module);
      if (held == null || !held.permits()) {
        ModuleState.Reason reason = held == null ? ModuleState.Reason.NO_RECORD : held.reason();
        if (reason == ModuleState.Reason.WITHDRAWN || reason == ModuleState.Reason.OBJECTED) {
          withdrawn = true;
        } else {
          missing = true;
        }
      }
    }
    if (withdrawn) {
      return CONSENT_WITHDRAWN;
    }
    return missing ? CONSENT_MISSING : null;
  }
}
