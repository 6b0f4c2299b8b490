package eu.clinnova.workflow.application;

import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.workflow.catalogue.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an amendment adds to the approved application it amends: datasets and team members, and
 * nothing else. Its review concerns the jurisdictions of the datasets it adds, or, when it only
 * adds team members, every jurisdiction of the approved application.
 */
public record Amendment(List<String> addedDatasets, List<TeamMember> addedMembers) {

  public Amendment {
    addedDatasets = List.copyOf(addedDatasets);
    addedMembers = List.copyOf(addedMembers);
  }

  public static Amendment between(ApplicationDocument approved, ApplicationDocument amended) {
    List<String> datasets =
        amended.datasets().stream().filter(id -> !approved.datasets().contains(id)).toList();
    Set<String> known = emails(approved.team());
    List<TeamMember> members =
        amended.team().stream().filter(member -> !known.contains(key(member))).toList();
    return new Amendment(datasets, members);
  }

  /** Why the amended document is not an amendment of the approved one; empty if it is. */
  public static List<FieldProblem> problems(
      ApplicationDocument approved, ApplicationDocument amended) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String field : ApplicationDocument.changedFields(approved, amended)) {
      if (!field.equals("datasets") && !field.equals("team")) {
        problems.add(
            new FieldProblem(
                field,
                "an amendment only adds datasets or team members; apply anew to change this"));
      }
    }
    if (!amended.datasets().containsAll(approved.datasets())) {
      problems.add(
          new FieldProblem(
              "datasets",
              "an amendment cannot remove datasets: ask the committee to revoke the entitlement"));
    }
    if (!emails(amended.team()).containsAll(emails(approved.team()))) {
      problems.add(new FieldProblem("team", "an amendment cannot remove team members"));
    }
    Amendment amendment = between(approved, amended);
    if (amendment.addedDatasets().isEmpty() && amendment.addedMembers().isEmpty()) {
      problems.add(new FieldProblem("datasets", "an amendment adds a dataset or a team member"));
    }
    return problems;
  }

  /** The jurisdictions whose committees review the amendment. */
  public List<String> jurisdictions(
      Map<String, Dataset> known, List<String> approvedJurisdictions) {
    if (addedDatasets.isEmpty()) {
      return approvedJurisdictions;
    }
    return Jurisdiction.allCodes().stream()
        .filter(
            code ->
                addedDatasets.stream()
                    .map(known::get)
                    .filter(Objects::nonNull)
                    .anyMatch(dataset -> dataset.jurisdiction().equals(code)))
        .toList();
  }

  private static Set<String> emails(List<TeamMember> team) {
    Set<String> keys = new TreeSet<>();
    team.forEach(member -> keys.add(key(member)));
    return keys;
  }

  private static String key(TeamMember member) {
    return member.email().toLowerCase(java.util.Locale.ROOT);
  }
}
