package eu.clinnova.workflow.application;

import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.workflow.catalogue.Dataset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an application still needs before it can be submitted, as a list the applicant can work
 * through: every field, every dataset known, a team, a duration, and for each jurisdiction
 * concerned a current ethics approval whose reference has that jurisdiction's form.
 */
public final class SubmissionChecklist {

  private SubmissionChecklist() {}

  public static List<FieldProblem> missing(
      ApplicationDocument document,
      Map<String, Dataset> knownDatasets,
      Collection<EthicsApproval> ethics,
      Map<String, JurisdictionPolicy> policies,
      LocalDate today) {
    List<FieldProblem> missing = new ArrayList<>();
    if (document.title().isEmpty()) {
      missing.add(new FieldProblem("title", "a title is needed"));
    }
    if (document.laySummary().isEmpty()) {
      missing.add(new FieldProblem("laySummary", "a summary in plain language is needed"));
    }
    Optional<Purpose> purpose = document.purpose();
    if (purpose.isEmpty() || purpose.get().research().isEmpty()) {
      missing.add(
          new FieldProblem(
              "purpose.duo", "the purpose needs a DUO category: HMB, DS with a disease, or POA"));
    }
    if (purpose.isEmpty() || purpose.get().description().isBlank()) {
      missing.add(new FieldProblem("purpose.description", "the purpose needs a description"));
    }
    if (document.datasets().isEmpty()) {
      missing.add(new FieldProblem("datasets", "at least one dataset is needed"));
    }
    for (int i = 0; i < document.datasets().size(); i++) {
      if (!knownDatasets.containsKey(document.datasets().get(i))) {
        missing.add(new FieldProblem("datasets[" + i + "]", "is not in the catalogue"));
      }
    }
    if (document.team().isEmpty()) {
      missing.add(new FieldProblem("team", "at least one team member is needed"));
    }
    for (int i = 0; i < document.team().size(); i++) {
      TeamMember member = document.team().get(i);
      if (member.name().isBlank()) {
        missing.add(new FieldProblem("team[" + i + "].name", "a name is needed"));
      }
      if (member.email().isBlank()) {
        missing.add(new FieldProblem("team[" + i + "].email", "an e-mail address is needed"));
      }
      if (member.affiliation().isBlank()) {
        missing.add(new FieldProblem("team[" + i + "].affiliation", "an affiliation is needed"));
      }
    }
    if (document.durationMonths().isEmpty()) {
      missing.add(new FieldProblem("durationMonths", "the duration of access is needed"));
    }
    for (String jurisdiction : jurisdictions(document, knownDatasets)) {
      Optional<EthicsApproval> approval = current(ethics, jurisdiction);
      String field = "ethicsApprovals." + jurisdiction;
      if (approval.isEmpty()) {
        missing.add(
            new FieldProblem(field, "an ethics approval for " + jurisdiction + " is needed"));
      } else if (!policies.get(jurisdiction).acceptsEthicsReference(approval.get().reference())) {
        missing.add(
            new FieldProblem(
                field, "the reference does not have the form " + jurisdiction + " uses"));
      } else if (approval.get().validUntil().isBefore(today)) {
        missing.add(new FieldProblem(field, "the ethics approval has ended"));
      }
    }
    return missing;
  }

  /** The jurisdictions of the known datasets, in the network's order. */
  public static List<String> jurisdictions(
      ApplicationDocument document, Map<String, Dataset> knownDatasets) {
    return Jurisdiction.allCodes().stream()
        .filter(
            code ->
                document.datasets().stream()
                    .map(knownDatasets::get)
                    .anyMatch(dataset -> dataset != null && dataset.jurisdiction().equals(code)))
        .toList();
  }

  /** The approval declared last for a jurisdiction: a renewal replaces the one before. */
  public static Optional<EthicsApproval> current(
      Collection<EthicsApproval> ethics, String jurisdiction) {
    return ethics.stream()
        .filter(approval -> approval.jurisdiction().equals(jurisdiction))
        .reduce((first, second) -> second.addedAt().isBefore(first.addedAt()) ? first : second);
  }
}
