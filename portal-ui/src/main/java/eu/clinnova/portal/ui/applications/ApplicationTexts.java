package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.workflow.application.ApplicationEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/** Words for applications in the user's language: states, events, fields, refusals, times. */
final class ApplicationTexts {

  private ApplicationTexts() {}

  static String state(Component component, String code) {
    return component.getTranslation("application.state." + code);
  }

  static String reviewState(Component component, String code) {
    return component.getTranslation("application.review." + code);
  }

  static String jurisdiction(Component component, String code) {
    return component.getTranslation("jurisdiction." + code);
  }

  /**
   * A timeline entry. The outcome of a single committee member's vote is the committee's business:
   * only reviewers see it.
   */
  static String event(Component component, ApplicationEvent event, boolean reviewer) {
    String text = component.getTranslation("application.event." + event.kind());
    if (event.jurisdiction().isPresent()) {
      text += " (" + jurisdiction(component, event.jurisdiction().get()) + ")";
    }
    boolean committeeOnly = event.kind().equals("vote-cast");
    if (event.outcome().isPresent() && (reviewer || !committeeOnly)) {
      text +=
          eu.clinnova.portal.ui.base.Punctuation.colon(component)
              + component.getTranslation("application.result." + event.outcome().get());
    }
    return text;
  }

  /**
   * A missing or invalid field in words: the field's label, then why. Ethics approvals name their
   * jurisdiction; list entries (team[0].email) their position.
   */
  static String problem(Component component, FieldProblem problem) {
    String field = problem.field();
    if (field.startsWith("ethicsApprovals.")) {
      return component.getTranslation(
          "application.missing.ethics", jurisdiction(component, field.substring(16)));
    }
    String base = field.replaceAll("\\[\\d+\\]", "");
    String position =
        field.matches(".*\\[(\\d+)\\].*") ? field.replaceAll(".*\\[(\\d+)\\].*", "$1") : null;
    String label = component.getTranslation("application.field." + base);
    if (position != null) {
      label += " " + (Integer.parseInt(position) + 1);
    }
    return label
        + eu.clinnova.portal.ui.base.Punctuation.colon(component)
        + component.getTranslation("application.problem");
  }

  /** A refusal in the user's language where we have words for its code, else its detail. */
  /**
   * What a draft still needs, item by item, saying which and why (issue 21: "still needed or not
   * valid" said neither): the field's label, then "still needed", or what is wrong with it.
   */
  static String missing(Component component, FieldProblem problem) {
    String field = problem.field();
    if (field.startsWith("ethicsApprovals.")) {
      String where = jurisdiction(component, field.substring(16));
      String message = problem.message();
      String key =
          message.contains("reference")
              ? "application.missing.ethicsReference"
              : message.contains("ended")
                  ? "application.missing.ethicsEnded"
                  : "application.missing.ethicsNeeded";
      return component.getTranslation(key, where);
    }
    if (field.matches("datasets\\[\\d+\\]")) {
      return component.getTranslation("application.missing.unknownDataset");
    }
    String base = field.replaceAll("\\[\\d+\\]", "");
    String label = component.getTranslation("application.field." + base);
    if (field.matches(".*\\[(\\d+)\\].*")) {
      label += " " + (Integer.parseInt(field.replaceAll(".*\\[(\\d+)\\].*", "$1")) + 1);
    }
    return label
        + eu.clinnova.portal.ui.base.Punctuation.colon(component)
        + component.getTranslation("application.missing.needed");
  }

  /** Why a purpose is or is not within a dataset's data use, in the reader's words. */
  static String duoReason(Component component, eu.clinnova.workflow.duo.DuoMatch.Reason reason) {
    Object[] args =
        reason.args().stream()
            .map(
                code ->
                    code.startsWith("MONDO:")
                        ? component.getTranslation("disease." + code.replace(':', '_'))
                        : component.getTranslation("duo." + code))
            .toArray();
    return component.getTranslation("duoReason." + reason.key(), args);
  }

  static String refusal(Component component, Refusal refusal) {
    String key = "application.refusal." + refusal.code();
    String text = component.getTranslation(key);
    String message = text.equals(key) || text.startsWith("!") ? refusal.getMessage() : text;
    if (refusal.problems().isEmpty()) {
      return message;
    }
    return message
        + " "
        + refusal.problems().stream()
            .map(problem -> problem(component, problem))
            .collect(Collectors.joining("; "));
  }

  static String time(Component component, Instant at) {
    com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
    Locale locale = ui == null || ui.getLocale() == null ? Locale.ENGLISH : ui.getLocale();
    return eu.clinnova.portal.ui.base.NetworkTime.dateTime(at, locale);
  }

  /** Whose access: the applicant, or the team member of that account, by name (ADR 0027). */
  static String holder(
      Component page, eu.clinnova.workflow.application.ApplicationFile file, String account) {
    eu.clinnova.workflow.application.Application application = file.application();
    if (account.equals(application.ownerSub())) {
      return application.ownerName();
    }
    return file.memberAgreementOf(account)
        .flatMap(member -> application.teamMember(member.address()))
        .map(eu.clinnova.workflow.application.TeamMember::name)
        .filter(name -> !name.isBlank())
        .orElse(page.getTranslation("application.team.member"));
  }
}
