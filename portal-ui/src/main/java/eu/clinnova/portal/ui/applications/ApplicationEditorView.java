package eu.clinnova.portal.ui.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.application.AgreementAcceptance;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.ApplicationFile;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.Applications;
import eu.clinnova.workflow.application.CloseOuts;
import eu.clinnova.workflow.application.Submissions;
import eu.clinnova.workflow.application.Withdrawals;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The researcher's application: while a draft (or returned) an editor saved as it is typed, with
 * what is still missing, the DUO match of each dataset, files, ethics approvals and submission;
 * afterwards where it stands, the reviewers' messages, the agreement to accept and the
 * entitlements.
 */
@Route(value = "research/application", layout = MainLayout.class)
@RolesAllowed(Role.Names.RESEARCHER)
public class ApplicationEditorView extends Main
    implements HasUrlParameter<String>, HasDynamicTitle {

  private final Applications applications;
  private final Submissions submissions;
  private final AgreementAcceptance acceptance;
  private final Withdrawals withdrawals;
  private final CloseOuts closeOuts;
  private final ApplicationQueries queries;
  private final DatasetCatalogue catalogue;
  private final Caller caller;
  private UUID id;

  // The editor's fields, read together on each save.
  private final TextField title = new TextField();
  private final TextArea summary = new TextArea();
  private PurposeFields purpose;
  private final CheckboxGroup<Dataset> datasets = new CheckboxGroup<>();
  private TeamEditor team;
  private final IntegerField duration = new IntegerField();
  private final Paragraph saved = new Paragraph();
  private ChecklistSection checklist;
  private boolean loading;

  @Inject
  public ApplicationEditorView(
      Applications applications,
      Submissions submissions,
      AgreementAcceptance acceptance,
      Withdrawals withdrawals,
      CloseOuts closeOuts,
      ApplicationQueries queries,
      DatasetCatalogue catalogue) {
    this.closeOuts = closeOuts;
    this.applications = applications;
    this.submissions = submissions;
    this.acceptance = acceptance;
    this.withdrawals = withdrawals;
    this.queries = queries;
    this.catalogue = catalogue;
    this.caller = SignedInUser.current().orElseThrow();
    setId("application-editor");
    addClassName("portal-page");
  }

  @Override
  public void setParameter(BeforeEvent event, String parameter) {
    if (NEW.equals(parameter)) {
      // Nothing is stored until the applicant types something (issue 21: drafts piled up).
      id = null;
      renderNew();
      return;
    }
    try {
      id = UUID.fromString(parameter);
      render();
    } catch (IllegalArgumentException | Refusal e) {
      removeAll();
      add(new H1(getTranslation("application.notFound")));
    }
  }

  /** The fields whose problems have words of their own (others: "not valid"). */
  private static final java.util.Set<String> INVALID_WORDED =
      java.util.Set.of(
          "title",
          "laySummary",
          "purpose.description",
          "durationMonths",
          "team.name",
          "team.email",
          "team.affiliation");

  /** The path parameter of an application not written yet. */
  public static final String NEW = "new";

  private void renderNew() {
    removeAll();
    add(new H1(getTranslation("applications.new")));
    Paragraph intro = new Paragraph(getTranslation("application.new.intro"));
    intro.setId("new-intro");
    add(intro);
    add(editor(ApplicationDocument.empty()));
  }

  private void render() {
    removeAll();
    ApplicationFile file = queries.file(caller, id);
    add(
        new H1(
            file.application().document().title().orElse(getTranslation("applications.untitled"))));
    ApplicationSummary summaryView = new ApplicationSummary(this, queries, caller);
    EvidenceSections evidence = new EvidenceSections(this, applications, caller, id, this::render);
    ApplicantActions actions =
        new ApplicantActions(this, submissions, acceptance, withdrawals, caller, id, this::render);
    new ApplicationRevisions(this)
        .amendment(file, ApplicationEditorView.class)
        .ifPresent(this::add);
    add(summaryView.status(file));
    if (file.viewer() == ApplicationFile.Viewer.TEAM_MEMBER) {
      renderForTeamMember(file, summaryView, actions);
      return;
    }
    if (file.application().state().isEditable()) {
      if (file.application().state() == ApplicationState.RETURNED) {
        add(returnedNotice(file));
      }
      checklist = new ChecklistSection(file);
      add(
          editor(file),
          checklist,
          evidence.files(file),
          evidence.ethics(file),
          actions.submit(() -> purpose.aiQuestionAnswered()));
    } else {
      add(summaryView.document(file), summaryView.evidence(file));
      if (file.agreement().isPresent()
          && file.acceptance().isEmpty()
          && file.application().state() == ApplicationState.APPROVED) {
        add(actions.agreement(file, getTranslation("application.agreement.intro")));
      }
      if (!file.entitlements().isEmpty()) {
        add(summaryView.entitlements(file));
      }
      if (file.agreement().isPresent() && hasTeamToAccept(file)) {
        add(summaryView.teamAgreements(file));
      }
      if (file.application().state() == ApplicationState.APPROVED
          && !file.application().isAmendment()
          && file.acceptance().isPresent()) {
        add(actions.amendOrRenew());
        add(CloseOutSection.form(this, closeOuts, caller, id, this::render));
      }
      file.closeOut().ifPresent(report -> add(CloseOutSection.report(this, report)));
    }
    add(summaryView.timeline(file));
    if (!file.application().state().isFinal()) {
      add(actions.withdraw(file, applications));
    }
  }

  /**
   * A researcher the team names (ADR 0027): the applicant's view without the applicant's steps,
   * and, once the project is approved, the agreement to accept in their own name.
   */
  private void renderForTeamMember(
      ApplicationFile file, ApplicationSummary summaryView, ApplicantActions actions) {
    Paragraph notice = new Paragraph(getTranslation("application.team.youAreMember"));
    notice.setId("team-member-notice");
    notice.addClassName("portal-notice");
    add(notice, summaryView.document(file), summaryView.evidence(file));
    if (file.agreement().isPresent()
        && file.application().state() == ApplicationState.APPROVED
        && !file.application().isAmendment()
        && file.memberAgreementOf(caller.subject()).isEmpty()) {
      add(actions.agreement(file, getTranslation("application.agreement.memberIntro")));
    }
    if (!file.entitlements().isEmpty()) {
      add(summaryView.entitlements(file));
    }
    if (file.agreement().isPresent() && hasTeamToAccept(file)) {
      add(summaryView.teamAgreements(file));
    }
    file.closeOut().ifPresent(report -> add(CloseOutSection.report(this, report)));
    add(summaryView.timeline(file));
  }

  /** Whether the team names anyone by an address (only they can accept on their own). */
  private static boolean hasTeamToAccept(ApplicationFile file) {
    return !file.application().isAmendment()
        && file.application().document().team().stream()
            .anyMatch(member -> !member.email().isBlank());
  }

  private Paragraph returnedNotice(ApplicationFile file) {
    Paragraph notice = new Paragraph(getTranslation("application.returnedNotice"));
    notice.setId("returned-notice");
    notice.addClassName("portal-notice");
    return notice;
  }

  // --- the editor ------------------------------------------------------------------------

  private Section editor(ApplicationFile file) {
    return editor(file.application().document());
  }

  private Section editor(ApplicationDocument document) {
    loading = true;
    Section section = Sections.labelled("editor", getTranslation("application.editor"));
    section.add(new Paragraph(getTranslation("application.editor.intro")));
    saved.setId("save-status");
    saved.getElement().setAttribute("role", "status");
    saved.setText("");
    text(title, "app-title", "application.field.title", ApplicationDocument.MAX_TITLE);
    title.setValue(document.title().orElse(""));
    text(summary, "app-summary", "application.field.laySummary", ApplicationDocument.MAX_SUMMARY);
    summary.setHelperText(getTranslation("application.help.laySummary"));
    summary.setValue(document.laySummary().orElse(""));
    purpose = new PurposeFields(this, document.purpose(), this::save);
    datasets.setId("app-datasets");
    datasets.setLabel(getTranslation("application.field.datasets"));
    List<Dataset> all = catalogue.list(null, null);
    datasets.setItems(all);
    datasets.setItemLabelGenerator(
        dataset ->
            dataset.title() + " · " + ApplicationTexts.jurisdiction(this, dataset.jurisdiction()));
    datasets.setValue(
        all.stream()
            .filter(dataset -> document.datasets().contains(dataset.id()))
            .collect(Collectors.toCollection(LinkedHashSet::new)));
    datasets.addValueChangeListener(event -> save());
    team = new TeamEditor(document.team(), this::save);
    duration.setId("app-duration");
    duration.setLabel(getTranslation("application.field.durationMonths"));
    duration.setMin(1);
    duration.setMax(ApplicationDocument.MAX_DURATION_MONTHS);
    duration.setStepButtonsVisible(true);
    duration.setValue(document.durationMonths().orElse(null));
    duration.setValueChangeMode(ValueChangeMode.LAZY);
    duration.addValueChangeListener(event -> save());
    section.add(title, summary);
    section.add(purpose.components());
    section.add(datasets, team, duration, saved);
    loading = false;
    return section;
  }

  private void text(Component field, String id, String label, int max) {
    if (field instanceof TextField textField) {
      textField.setId(id);
      textField.setLabel(getTranslation(label));
      textField.setMaxLength(max);
      textField.setValueChangeMode(ValueChangeMode.LAZY);
      textField.setValueChangeTimeout(700);
      textField.addValueChangeListener(event -> save());
      textField.setWidthFull();
    } else if (field instanceof TextArea area) {
      area.setId(id);
      area.setLabel(getTranslation(label));
      area.setMaxLength(max);
      area.setValueChangeMode(ValueChangeMode.LAZY);
      area.setValueChangeTimeout(700);
      area.addValueChangeListener(event -> save());
      area.setWidthFull();
    }
  }

  private JsonObject document() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    json.add("title", title.getValue());
    json.add("laySummary", summary.getValue());
    json.add("purpose", purpose.json());
    JsonArrayBuilder ids = JSON.createArrayBuilder();
    datasets.getValue().stream().map(Dataset::id).sorted().forEach(ids::add);
    json.add("datasets", ids);
    json.add("team", team.json());
    if (duration.getValue() != null) {
      json.add("durationMonths", duration.getValue());
    }
    return json.build();
  }

  /** Saves the draft as typed; shape problems show on their fields, nothing else is lost. */
  private void save() {
    if (loading) {
      return;
    }
    clearErrors();
    if (id == null) {
      create();
      return;
    }
    try {
      applications.update(caller, id, ApplicationDocument.parse(document()));
      saved.setText(
          getTranslation(
              "application.saved",
              LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
      checklist.show(queries.file(caller, id));
    } catch (Refusal refusal) {
      saved.setText(ApplicationTexts.refusal(this, refusal));
      refusal.problems().forEach(this::markInvalid);
    }
  }

  /** The first save of a new application: the draft is created, and the page becomes its own. */
  private void create() {
    try {
      id =
          applications
              .create(caller, caller.username(), ApplicationDocument.parse(document()))
              .application()
              .id();
    } catch (Refusal refusal) {
      saved.setText(ApplicationTexts.refusal(this, refusal));
      refusal.problems().forEach(this::markInvalid);
      return;
    }
    getUI()
        .ifPresent(
            ui -> ui.getPage().getHistory().replaceState(null, "research/application/" + id));
    render();
    saved.setText(
        getTranslation(
            "application.saved", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
    title.focus();
  }

  private void clearErrors() {
    purpose.clearErrors();
    List<Component> fields = new ArrayList<>(List.of(title, summary, duration));
    fields.addAll(team.fields());
    for (Component field : fields) {
      if (field instanceof com.vaadin.flow.component.HasValidation validation) {
        validation.setInvalid(false);
      }
    }
  }

  private void markInvalid(FieldProblem problem) {
    Optional<com.vaadin.flow.component.HasValidation> field =
        switch (problem.field().replaceAll("\\[\\d+\\].*", "")) {
          case "title" -> Optional.of(title);
          case "laySummary" -> Optional.of(summary);
          case "purpose.description" -> purpose.field(problem.field());
          case "durationMonths" -> Optional.of(duration);
          case "team" -> team.field(problem.field());
          default -> Optional.empty();
        };
    // In the applicant's words, not the API's: what to write instead.
    String base = problem.field().replaceAll("\\[\\d+\\]", "");
    String message =
        INVALID_WORDED.contains(base)
            ? getTranslation("application.invalid." + base)
            : getTranslation("application.invalid");
    field.ifPresent(
        invalid -> {
          invalid.setErrorMessage(message);
          invalid.setInvalid(true);
        });
  }

  // --- what is missing, files, ethics, submission ---------------------------------------

  @Override
  public String getPageTitle() {
    return getTranslation("application.pageTitle") + " · " + getTranslation("app.name");
  }
}
