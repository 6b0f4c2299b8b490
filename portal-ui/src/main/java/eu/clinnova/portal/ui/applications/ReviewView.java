package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.application.ApplicationFile;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.Entitlements;
import eu.clinnova.workflow.process.ReviewProcess;
import eu.clinnova.workflow.review.ReviewTask;
import eu.clinnova.workflow.review.Reviews;
import eu.clinnova.workflow.review.TaskOutcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An application as its reviewers see it: where it stands, what changed since the last submission,
 * what it asks with the DUO match of each dataset, the ethics evidence, the votes so far and the
 * timeline; and the reviewer's own open task on it (check, vote or declare a conflict, decide).
 */
@Route(value = "review/application", layout = MainLayout.class)
@RolesAllowed({Role.Names.DATA_STEWARD, Role.Names.DAC_MEMBER, Role.Names.COMPLIANCE_OFFICER})
public class ReviewView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

  /** The order in which outcomes are offered. */
  static final List<String> OUTCOMES =
      List.of("approve", "approve-with-conditions", "return", "reject");

  private final Reviews reviews;
  private final Entitlements entitlements;
  private final ApplicationQueries queries;
  private final Caller caller;
  private UUID id;
  private String lastResult = "";

  @Inject
  public ReviewView(Reviews reviews, ApplicationQueries queries, Entitlements entitlements) {
    this.reviews = reviews;
    this.entitlements = entitlements;
    this.queries = queries;
    this.caller = SignedInUser.current().orElseThrow();
    setId("review");
    addClassName("portal-page");
  }

  @Override
  public void setParameter(BeforeEvent event, String parameter) {
    try {
      id = UUID.fromString(parameter);
      render();
    } catch (IllegalArgumentException | Refusal e) {
      removeAll();
      add(new H1(getTranslation("application.notFound")));
    }
  }

  private void render() {
    removeAll();
    ApplicationFile file = queries.file(caller, id);
    ApplicationSummary summary = new ApplicationSummary(this, queries, caller);
    add(
        new H1(
            file.application().document().title().orElse(getTranslation("applications.untitled"))));
    Paragraph result = new Paragraph(lastResult);
    result.setId("review-result");
    result.getElement().setAttribute("role", "status");
    add(result);
    for (ReviewTask task : reviews.openTasks(caller)) {
      if (task.applicationId().equals(id)) {
        add(taskForm(task));
      }
    }
    new ApplicationRevisions(this).amendment(file, ReviewView.class).ifPresent(this::add);
    add(summary.status(file));
    if (!file.changedSinceLastRevision().isEmpty()) {
      add(new ApplicationRevisions(this).changes(file));
    }
    add(summary.document(file), summary.evidence(file));
    file.votes().ifPresent(votes -> add(summary.votes(votes)));
    if (!file.entitlements().isEmpty()) {
      add(summary.entitlements(file));
      revocations(file).ifPresent(this::add);
      if (!file.memberAgreements().isEmpty()) {
        add(summary.teamAgreements(file));
      }
    }
    add(summary.timeline(file));
  }

  private Section taskForm(ReviewTask task) {
    Section section =
        Sections.labelled(
            "task-" + task.key(),
            getTranslation("task." + task.key())
                + task.jurisdiction()
                    .map(code -> " (" + ApplicationTexts.jurisdiction(this, code) + ")")
                    .orElse(""));
    section.addClassName("portal-task");
    section.add(new Paragraph(getTranslation("task." + task.key() + ".help")));
    RadioButtonGroup<String> outcome = new RadioButtonGroup<>();
    outcome.setId("task-outcome");
    outcome.setLabel(getTranslation("task.outcome"));
    outcome.setItems(
        OUTCOMES.stream().filter(ReviewProcess.outcomes(task.key())::contains).toList());
    outcome.setItemLabelGenerator(code -> getTranslation("application.outcome." + code));
    TextArea comment = new TextArea(getTranslation("task.comment"));
    comment.setId("task-comment");
    comment.setMaxLength(TaskOutcome.MAX_TEXT);
    comment.setWidthFull();
    TextArea conditions = new TextArea(getTranslation("application.conditions"));
    conditions.setId("task-conditions");
    conditions.setWidthFull();
    conditions.setVisible(false);
    outcome.addValueChangeListener(
        event -> conditions.setVisible("approve-with-conditions".equals(event.getValue())));
    Checkbox conflict = new Checkbox(getTranslation("task.conflict"));
    conflict.setId("task-conflict");
    conflict.setVisible(ReviewProcess.DAC_VOTE.equals(task.key()));
    conflict.addValueChangeListener(event -> outcome.setEnabled(!event.getValue()));
    Button send = new Button(getTranslation("task.send"));
    send.setId("task-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Paragraph error = new Paragraph();
    error.setId("task-error");
    error.getElement().setAttribute("role", "alert");
    Map<String, HasValidation> fields =
        Map.of("outcome", outcome, "comment", comment, "conditions", conditions);
    send.addClickListener(
        event -> {
          TaskOutcome given =
              TaskOutcome.given(
                  conflict.getValue() ? null : outcome.getValue(),
                  conflict.getValue(),
                  comment.getValue(),
                  conditions.isVisible() ? conditions.getValue() : null);
          // Checked here first, so that each problem is shown at its field before anything is
          // confirmed; the server checks again when it records.
          if (showProblems(given.problemsFor(task.key()), fields, error)) {
            return;
          }
          String decided =
              conflict.getValue()
                  ? getTranslation("task.conflictDeclared")
                  : getTranslation("application.outcome." + outcome.getValue());
          String what = getTranslation("task." + task.key());
          Confirmation.open(
              getTranslation("task.confirm.title"),
              new Paragraph(getTranslation("task.confirm.body", what, decided)),
              getTranslation("task.confirm.record"),
              false,
              getTranslation("application.withdraw.cancel"),
              () -> {
                try {
                  reviews.complete(caller, caller.username(), task.id(), given);
                  lastResult = getTranslation("task.recordedWhat", what, decided);
                  render();
                } catch (Refusal refusal) {
                  if (refusal.problems().isEmpty()
                      || !showProblems(refusal.problems(), fields, error)) {
                    error.setText(ApplicationTexts.refusal(this, refusal));
                  }
                }
              });
        });
    section.add(conflict, outcome, comment, conditions, send, error);
    return section;
  }

  private boolean showProblems(
      List<FieldProblem> problems, Map<String, HasValidation> fields, Paragraph error) {
    return eu.clinnova.portal.ui.base.FieldErrors.show(
        this,
        "task.problem.",
        fields,
        problems,
        error,
        problem -> ApplicationTexts.problem(this, problem));
  }

  /** A committee member may revoke the entitlements to datasets of their jurisdiction. */
  private java.util.Optional<Section> revocations(ApplicationFile file) {
    if (!caller.has(Role.DAC_MEMBER)) {
      return java.util.Optional.empty();
    }
    java.time.Instant now = java.time.Instant.now();
    List<Entitlement> revocable =
        file.entitlements().stream()
            .filter(e -> caller.actsFor(e.jurisdiction()))
            .filter(e -> e.statusAt(now) != Entitlement.Status.REVOKED)
            .toList();
    if (revocable.isEmpty()) {
      return java.util.Optional.empty();
    }
    Section section = Sections.labelled("revoke", getTranslation("entitlement.revoke.heading"));
    com.vaadin.flow.component.html.Anchor releases =
        new com.vaadin.flow.component.html.Anchor(
            "releases?application=" + file.application().id(), getTranslation("review.releases"));
    releases.setId("releases-link");
    section.add(new Paragraph(releases));
    for (Entitlement entitlement : revocable) {
      // The applicant's access by its dataset; a team member's also by whose it is (ADR 0027).
      boolean applicants = entitlement.researcher().equals(file.application().ownerSub());
      String key =
          applicants ? entitlement.datasetId() : entitlement.datasetId() + "-" + entitlement.id();
      String what =
          file.datasetTitle(entitlement.datasetId())
              + (applicants
                  ? ""
                  : " · " + ApplicationTexts.holder(this, file, entitlement.researcher()));
      TextArea reason = new TextArea(getTranslation("entitlement.revoke.reason", what));
      reason.setId("revoke-reason-" + key);
      reason.setWidthFull();
      Paragraph result = Sections.status("revoke-result-" + key);
      Button revoke = new Button(getTranslation("entitlement.revoke", what));
      revoke.setId("revoke-" + key);
      revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
      revoke.addClickListener(
          event ->
              Confirmation.open(
                  getTranslation("entitlement.revoke.title"),
                  new Paragraph(getTranslation("entitlement.revoke.body", what)),
                  getTranslation("entitlement.revoke.confirm"),
                  true,
                  getTranslation("application.withdraw.cancel"),
                  () -> {
                    try {
                      entitlements.revoke(caller, entitlement.id(), reason.getValue());
                      lastResult = getTranslation("entitlement.revoked");
                      render();
                    } catch (Refusal refusal) {
                      result.setText(ApplicationTexts.refusal(this, refusal));
                    }
                  }));
      section.add(reason, revoke, result);
    }
    return java.util.Optional.of(section);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("review.pageTitle") + " · " + getTranslation("app.name");
  }
}
