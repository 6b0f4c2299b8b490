package eu.clinnova.workflow.register;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.ConsentBasis;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.consent.receipt.Controllers;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of processing activities (GDPR Art. 30(1)) for compliance officers and administrators,
 * generated when asked from the approved applications, the catalogue and the jurisdictions'
 * policies, under the configured controller.
 */
@ApplicationScoped
public class ProcessingRegister {

  private static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();

  private final ApplicationStore applications;
  private final DatasetStore datasets;
  private final EntitlementStore entitlements;
  private final Controllers controllers;
  private final Clock clock;

  @Inject
  public ProcessingRegister(
      ApplicationStore applications,
      DatasetStore datasets,
      EntitlementStore entitlements,
      Clock clock) {
    this(applications, datasets, entitlements, Controllers.configured(), clock);
  }

  /** A register naming {@code controllers} (module tests). */
  public ProcessingRegister(
      ApplicationStore applications,
      DatasetStore datasets,
      EntitlementStore entitlements,
      Controllers controllers,
      Clock clock) {
    this.applications = applications;
    this.datasets = datasets;
    this.entitlements = entitlements;
    this.controllers = controllers;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected ProcessingRegister() {
    this(null, null, null, null, null);
  }

  /**
   * The record as of now.
   *
   * @throws Refusal 403 for anyone but a compliance officer or an administrator
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ProcessingRecord record(Caller caller) {
    if (!caller.hasAny(Role.COMPLIANCE_OFFICER, Role.ADMIN)) {
      throw Refusal.forbidden(
          "The record of processing is for compliance officers and administrators.");
    }
    Map<String, ConsentBasis> bases = new HashMap<>();
    POLICIES.all().forEach((code, policy) -> bases.put(code, basis(policy)));
    Map<String, Dataset> catalogue = new HashMap<>();
    datasets
        .entries(null, null, true)
        .forEach(entry -> catalogue.put(entry.dataset().id(), entry.dataset()));
    List<ProcessingActivity> activities =
        applications.inState(ApplicationState.APPROVED).stream()
            .map(
                application ->
                    ActivityRules.of(
                        application,
                        catalogue,
                        bases,
                        entitlements.ofApplication(application.id())))
            .toList();
    return new ProcessingRecord(
        controllers.network(), clock.instant().truncatedTo(ChronoUnit.SECONDS), activities);
  }

  private static ConsentBasis basis(JurisdictionPolicy policy) {
    return policy.basis();
  }
}
