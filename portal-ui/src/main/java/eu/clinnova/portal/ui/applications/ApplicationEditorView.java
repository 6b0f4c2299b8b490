package eu.clinnova.portal.ui.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.application.ApplicationAttachment;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.ApplicationFile;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.Applications;
import eu.clinnova.workflow.application.Purpose;
import eu.clinnova.workflow.application.TeamMember;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetCatalogue;
import eu.clinnova.workflow.duo.Diseases;
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

  static final List<String> CATEGORIES = List.of("HMB", "DS", "POA");
  static final List<String> DISEASES =
      List.of(
          Diseases.IBD,
          Diseases.CROHN,
          Diseases.ULCERATIVE_COLITIS,
          Diseases.RHEUMATOID_ARTHRITIS,
          Diseases.MULTIPLE_SCLEROSIS);

  private final Applications applications;
  private final ApplicationQueries queries;
  private final DatasetCatalogue catalogue;
  private final Caller caller;
  private UUID id;

  // The editor's fields, read together on each save.
  private final TextField title = new TextField();
  private final TextArea summary = new TextArea();
  private final Select<String> category = new Select<>();
  private final Select<String> disease = new Select<>();
  private final TextArea description = new TextArea();
  private final Checkbox commercial = new Checkbox();
  private final Checkbox forProfit = new Checkbox();
  private final Checkbox genetic = new Checkbox();
  private final Checkbox methods = new Checkbox();

  /** Asked explicitly, unanswered in a new draft: patients decide about AI training separately. */
  private final RadioButtonGroup<Boolean> aiTraining = new RadioButtonGroup<>();

  private final CheckboxGroup<Dataset> datasets = new CheckboxGroup<>();
  private final Div team = new Div();
  private final List<TextField[]> members = new ArrayList<>();
  private final IntegerField duration = new IntegerField();
  private final Paragraph saved = new Paragraph();
  private final Div checklist = new Div();
  private boolean loading;

  @Inject
  public ApplicationEditorView(
      Applications applications, ApplicationQueries queries, DatasetCatalogue catalogue) {
    this.applications = applications;
    this.queries = queries;
    this.catalogue = catalogue;
    this.caller = SignedInUser.current().orElseThrow();
    setId("application-editor");
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
    members.clear();
    ApplicationFile file = queries.file(caller, id);
    add(
        new H1(
            file.application().document().title().orElse(getTranslation("applications.untitled"))));
    ApplicationSummary summaryView = new ApplicationSummary(this, queries, caller);
    summaryView.amendment(file, ApplicationEditorView.class).ifPresent(this::add);
    add(summaryView.status(file));
    if (file.application().state().isEditable()) {
      if (file.application().state() == ApplicationState.RETURNED) {
        add(returnedNotice(file));
      }
      add(editor(file), checklistSection(file), files(file), ethics(file), submit());
    } else {
      add(summaryView.document(file), summaryView.evidence(file));
      if (file.agreement().isPresent()
          && file.acceptance().isEmpty()
          && file.application().state() == ApplicationState.APPROVED) {
        add(agreement(file));
      }
      if (!file.entitlements().isEmpty()) {
        add(summaryView.entitlements(file));
      }
      if (file.application().state() == ApplicationState.APPROVED
          && !file.application().isAmendment()
          && file.acceptance().isPresent()) {
        add(amend());
      }
    }
    add(summaryView.timeline(file));
    if (!file.application().state().isFinal()) {
      add(withdraw());
    }
  }

  private Paragraph returnedNotice(ApplicationFile file) {
    Paragraph notice = new Paragraph(getTranslation("application.returnedNotice"));
    notice.setId("returned-notice");
    notice.addClassName("portal-notice");
    return notice;
  }

  // --- the editor ------------------------------------------------------------------------

  private Section editor(ApplicationFile file) {
    loading = true;
    ApplicationDocument document = file.application().document();
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
    Optional<Purpose> purpose = document.purpose();
    category.setId("app-category");
    category.setLabel(getTranslation("application.field.purpose.duo"));
    category.setItems(CATEGORIES);
    category.setItemLabelGenerator(code -> code == null ? "" : getTranslation("duo." + code));
    category.setEmptySelectionAllowed(true);
    category.setValue(
        purpose
            .flatMap(p -> p.research())
            .map(r -> r.category().name())
            .orElseGet(
                () ->
                    purpose
                        .flatMap(p -> p.duo().stream().findFirst())
                        .flatMap(eu.clinnova.workflow.duo.DuoTerm::of)
                        .map(Enum::name)
                        .filter(CATEGORIES::contains)
                        .orElse(null)));
    disease.setId("app-disease");
    disease.setLabel(getTranslation("application.field.purpose.disease"));
    disease.setItems(DISEASES);
    disease.setItemLabelGenerator(
        term ->
            term == null ? "" : getTranslation("disease." + term.substring(6)) + " (" + term + ")");
    disease.setEmptySelectionAllowed(true);
    disease.setValue(purpose.flatMap(Purpose::disease).orElse(null));
    disease.setVisible("DS".equals(category.getValue()));
    category.addValueChangeListener(event -> disease.setVisible("DS".equals(event.getValue())));
    text(
        description,
        "app-description",
        "application.field.purpose.description",
        ApplicationDocument.MAX_DESCRIPTION);
    description.setValue(purpose.map(Purpose::description).orElse(""));
    flag(
        commercial, "app-commercial", "commercial", purpose.map(Purpose::commercial).orElse(false));
    flag(forProfit, "app-forprofit", "forProfit", purpose.map(Purpose::forProfit).orElse(false));
    flag(genetic, "app-genetic", "genetic", purpose.map(Purpose::genetic).orElse(false));
    flag(
        methods,
        "app-methods",
        "methodsDevelopment",
        purpose.map(Purpose::methodsDevelopment).orElse(false));
    aiTraining.setId("app-ai-training");
    aiTraining.setLabel(getTranslation("application.aiTraining"));
    aiTraining.setHelperText(getTranslation("application.aiTraining.help"));
    aiTraining.setItems(Boolean.TRUE, Boolean.FALSE);
    aiTraining.setItemLabelGenerator(
        yes -> getTranslation(yes ? "application.aiTraining.yes" : "application.aiTraining.no"));
    aiTraining.setValue(purpose.flatMap(Purpose::aiTrainingAnswer).orElse(null));
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
    team.setId("app-team");
    team.removeAll();
    H3 teamHeading = new H3(getTranslation("application.field.team"));
    team.add(teamHeading);
    for (TeamMember member : document.team()) {
      addMember(member);
    }
    if (document.team().isEmpty()) {
      addMember(new TeamMember("", "", ""));
    }
    Button addMember = new Button(getTranslation("application.team.add"));
    addMember.setId("app-team-add");
    addMember.addClickListener(
        event -> {
          addMember(new TeamMember("", "", ""));
        });
    duration.setId("app-duration");
    duration.setLabel(getTranslation("application.field.durationMonths"));
    duration.setMin(1);
    duration.setMax(ApplicationDocument.MAX_DURATION_MONTHS);
    duration.setStepButtonsVisible(true);
    duration.setValue(document.durationMonths().orElse(null));
    duration.setValueChangeMode(ValueChangeMode.LAZY);
    duration.addValueChangeListener(event -> save());
    for (HasValue<?, ?> field :
        List.<HasValue<?, ?>>of(
            category, disease, commercial, forProfit, genetic, methods, aiTraining)) {
      field.addValueChangeListener(event -> save());
    }
    section.add(
        title,
        summary,
        category,
        disease,
        description,
        commercial,
        forProfit,
        genetic,
        methods,
        aiTraining,
        datasets,
        team,
        addMember,
        duration,
        saved);
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

  private void flag(Checkbox box, String id, String key, boolean value) {
    box.setId(id);
    box.setLabel(getTranslation("application.flag." + key));
    box.setValue(value);
  }

  private void addMember(TeamMember member) {
    int index = members.size();
    TextField name =
        memberField("app-team-" + index + "-name", "application.team.name", member.name());
    TextField email =
        memberField("app-team-" + index + "-email", "application.team.email", member.email());
    TextField affiliation =
        memberField(
            "app-team-" + index + "-affiliation",
            "application.team.affiliation",
            member.affiliation());
    TextField[] row = {name, email, affiliation};
    members.add(row);
    Div line = new Div(name, email, affiliation);
    line.addClassName("portal-row");
    Button remove = new Button(getTranslation("application.team.remove"));
    remove.setId("app-team-" + index + "-remove");
    remove
        .getElement()
        .setAttribute("aria-label", getTranslation("application.team.removeLabel", index + 1));
    remove.addClickListener(
        event -> {
          members.remove(row);
          team.remove(line);
          save();
        });
    line.add(remove);
    team.add(line);
  }

  private TextField memberField(String id, String label, String value) {
    TextField field = new TextField(getTranslation(label));
    field.setId(id);
    field.setValue(value);
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.setValueChangeTimeout(700);
    field.addValueChangeListener(event -> save());
    return field;
  }

  private JsonObject document() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    json.add("title", title.getValue());
    json.add("laySummary", summary.getValue());
    JsonObjectBuilder purpose = JSON.createObjectBuilder();
    JsonArrayBuilder duo = JSON.createArrayBuilder();
    if (category.getValue() != null) {
      duo.add(category.getValue());
    }
    purpose.add("duo", duo);
    if ("DS".equals(category.getValue()) && disease.getValue() != null) {
      purpose.add("disease", disease.getValue());
    }
    purpose
        .add("description", description.getValue())
        .add("commercial", commercial.getValue())
        .add("forProfit", forProfit.getValue())
        .add("genetic", genetic.getValue())
        .add("methodsDevelopment", methods.getValue());
    if (aiTraining.getValue() != null) {
      purpose.add("aiTraining", aiTraining.getValue());
    }
    json.add("purpose", purpose);
    JsonArrayBuilder ids = JSON.createArrayBuilder();
    datasets.getValue().stream().map(Dataset::id).sorted().forEach(ids::add);
    json.add("datasets", ids);
    JsonArrayBuilder people = JSON.createArrayBuilder();
    for (TextField[] row : members) {
      if (row[0].getValue().isBlank()
          && row[1].getValue().isBlank()
          && row[2].getValue().isBlank()) {
        continue;
      }
      people.add(
          JSON.createObjectBuilder()
              .add("name", row[0].getValue())
              .add("email", row[1].getValue())
              .add("affiliation", row[2].getValue()));
    }
    json.add("team", people);
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
    try {
      applications.update(caller, id, document());
      saved.setText(
          getTranslation(
              "application.saved",
              LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
      refreshChecklist();
    } catch (Refusal refusal) {
      saved.setText(ApplicationTexts.refusal(this, refusal));
      refusal.problems().forEach(this::markInvalid);
    }
  }

  private void clearErrors() {
    List<Component> fields = new ArrayList<>(List.of(title, summary, description, duration));
    members.forEach(row -> fields.addAll(List.of(row)));
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
          case "purpose.description" -> Optional.of(description);
          case "durationMonths" -> Optional.of(duration);
          case "team" -> memberField(problem.field());
          default -> Optional.empty();
        };
    field.ifPresent(
        invalid -> {
          invalid.setErrorMessage(problem.message());
          invalid.setInvalid(true);
        });
  }

  private Optional<com.vaadin.flow.component.HasValidation> memberField(String path) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("team\\[(\\d+)\\]\\.(\\w+)").matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(matcher.group(1));
    int column = List.of("name", "email", "affiliation").indexOf(matcher.group(2));
    List<TextField[]> filled =
        members.stream()
            .filter(
                row ->
                    !(row[0].getValue().isBlank()
                        && row[1].getValue().isBlank()
                        && row[2].getValue().isBlank()))
            .toList();
    return index < filled.size() && column >= 0
        ? Optional.of(filled.get(index)[column])
        : Optional.empty();
  }

  // --- what is missing, files, ethics, submission ---------------------------------------

  private Section checklistSection(ApplicationFile file) {
    Section section = Sections.labelled("checklist", getTranslation("application.checklist"));
    checklist.setId("checklist-content");
    section.add(checklist);
    showChecklist(file);
    return section;
  }

  private void refreshChecklist() {
    showChecklist(queries.file(caller, id));
  }

  private void showChecklist(ApplicationFile file) {
    checklist.removeAll();
    if (file.missing().isEmpty()) {
      Paragraph ready = new Paragraph(getTranslation("application.ready"));
      ready.setId("checklist-ready");
      checklist.add(ready);
    } else {
      UnorderedList missing = new UnorderedList();
      missing.setId("missing-list");
      file.missing()
          .forEach(problem -> missing.add(new ListItem(ApplicationTexts.problem(this, problem))));
      checklist.add(
          new Paragraph(getTranslation("application.missing", file.missing().size())), missing);
    }
    if (!file.duoMatches().isEmpty()) {
      UnorderedList matches = new UnorderedList();
      matches.setId("duo-summary");
      file.duoMatches()
          .forEach(
              (datasetId, match) ->
                  matches.add(
                      new ListItem(
                          datasetId
                              + ": "
                              + getTranslation("application.match." + match.outcome().name())
                              + " — "
                              + String.join("; ", match.reasons()))));
      checklist.add(new H3(getTranslation("application.duo")), matches);
    }
    // Consent for the purpose, before submitting: what each dataset's patients must have agreed to.
    file.modulesNeeded()
        .forEach(
            (datasetId, needed) -> {
              Paragraph line = ApplicationSummary.modulesNeeded(this, datasetId, needed);
              line.setText(datasetId + " — " + line.getText());
              checklist.add(line);
              var today = file.subjectsToday().get(datasetId);
              if (today != null) {
                checklist.add(ApplicationSummary.subjectsToday(this, datasetId, today));
              }
            });
  }

  private Section files(ApplicationFile file) {
    Section section = Sections.labelled("files", getTranslation("application.files"));
    section.add(new Paragraph(getTranslation("application.files.intro")));
    UnorderedList list = new UnorderedList();
    list.setId("file-list");
    file.attachments()
        .forEach(
            attachment ->
                list.add(
                    new ListItem(
                        attachment.fileName()
                            + " · "
                            + getTranslation(
                                "application.file",
                                attachment.size(),
                                attachment.sha256().substring(0, 16)))));
    Paragraph result = Sections.status("upload-result");
    UI ui = UI.getCurrent();
    Upload upload =
        new Upload(
            UploadHandler.inMemory(
                (metadata, data) ->
                    ui.access(
                        () -> {
                          try {
                            Applications.Attached attached =
                                applications.attach(
                                    caller, id, metadata.fileName(), metadata.contentType(), data);
                            result.setText(
                                getTranslation(
                                    "application.uploaded", attached.attachment().fileName()));
                            render();
                          } catch (Refusal refusal) {
                            result.setText(ApplicationTexts.refusal(this, refusal));
                          }
                        })));
    upload.setId("app-upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(Applications.MAX_ATTACHMENT_BYTES);
    upload.setAcceptedFileTypes(
        "application/pdf", "image/png", "image/jpeg", ".pdf", ".png", ".jpg", ".jpeg");
    upload.addFileRejectedListener(event -> result.setText(event.getErrorMessage()));
    section.add(list, upload, result);
    return section;
  }

  private Section ethics(ApplicationFile file) {
    Section section = Sections.labelled("ethics", getTranslation("application.ethics"));
    UnorderedList declared = new UnorderedList();
    declared.setId("ethics-list");
    file.ethicsApprovals()
        .forEach(
            approval -> declared.add(new ListItem(ApplicationSummary.ethicsLine(this, approval))));
    Select<String> jurisdiction = new Select<>();
    jurisdiction.setId("app-ethics-jurisdiction");
    jurisdiction.setLabel(getTranslation("application.ethics.jurisdiction"));
    List<String> concerned = file.application().jurisdictions();
    jurisdiction.setItems(concerned.isEmpty() ? Jurisdiction.allCodes() : concerned);
    jurisdiction.setItemLabelGenerator(code -> ApplicationTexts.jurisdiction(this, code));
    TextField committee = new TextField(getTranslation("application.ethics.committee"));
    committee.setId("app-ethics-committee");
    TextField reference = new TextField(getTranslation("application.ethics.reference"));
    reference.setId("app-ethics-reference");
    PolicyCatalogue policies = PolicyCatalogue.bundled();
    jurisdiction.addValueChangeListener(
        event ->
            policies
                .of(event.getValue())
                .ifPresent(
                    policy -> {
                      committee.setHelperText(policy.ethicsBody());
                      reference.setHelperText(
                          getTranslation("application.ethics.referenceHelp." + event.getValue()));
                    }));
    DatePicker from = new DatePicker(getTranslation("application.ethics.from"));
    from.setId("app-ethics-from");
    DatePicker until = new DatePicker(getTranslation("application.ethics.until"));
    until.setId("app-ethics-until");
    Select<ApplicationAttachment> document = new Select<>();
    document.setId("app-ethics-file");
    document.setLabel(getTranslation("application.ethics.file"));
    document.setItems(file.attachments());
    document.setItemLabelGenerator(ApplicationAttachment::fileName);
    if (!file.attachments().isEmpty()) {
      document.setValue(file.attachments().get(file.attachments().size() - 1));
    }
    Paragraph result = Sections.status("ethics-result");
    Button add = new Button(getTranslation("application.ethics.add"));
    add.setId("app-ethics-add");
    add.addClickListener(
        event -> {
          JsonObjectBuilder body = JSON.createObjectBuilder();
          put(body, "jurisdiction", jurisdiction.getValue());
          put(body, "committee", committee.getValue());
          put(body, "reference", reference.getValue());
          put(body, "validFrom", from.getValue() == null ? null : from.getValue().toString());
          put(body, "validUntil", until.getValue() == null ? null : until.getValue().toString());
          put(
              body,
              "attachmentId",
              document.getValue() == null ? null : document.getValue().id().toString());
          try {
            applications.addEthicsApproval(caller, id, body.build());
            render();
          } catch (Refusal refusal) {
            result.setText(
                refusal.problems().stream()
                    .map(
                        p ->
                            getTranslation("application.ethics.field." + p.field())
                                + ": "
                                + p.message())
                    .collect(Collectors.joining("; ")));
          }
        });
    Div form = new Div(jurisdiction, committee, reference, from, until, document);
    form.addClassName("portal-row");
    section.add(
        new Paragraph(getTranslation("application.ethics.intro")), declared, form, add, result);
    return section;
  }

  private static void put(JsonObjectBuilder body, String field, String value) {
    if (value != null && !value.isBlank()) {
      body.add(field, value);
    }
  }

  private Div submit() {
    Paragraph result = Sections.status("submit-result");
    Button submit = new Button(getTranslation("application.submit"));
    submit.setId("app-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.addClickListener(
        event -> {
          // The AI question is answered explicitly before anything is submitted from here.
          if (aiTraining.getValue() == null) {
            aiTraining.setErrorMessage(getTranslation("application.aiTraining.required"));
            aiTraining.setInvalid(true);
            aiTraining.scrollIntoView();
            aiTraining
                .getElement()
                .executeJs(
                    "const first = this.querySelector('vaadin-radio-button'); if (first) first.focus();");
            return;
          }
          try {
            applications.submit(caller, id);
            render();
          } catch (Refusal refusal) {
            result.setText(ApplicationTexts.refusal(this, refusal));
          }
        });
    return new Div(submit, result);
  }

  private Section agreement(ApplicationFile file) {
    var agreement = file.agreement().orElseThrow();
    Section section = Sections.labelled("agreement", getTranslation("application.agreement"));
    Pre text = new Pre(agreement.text());
    text.setId("agreement-text");
    text.addClassName("portal-agreement");
    Paragraph digest =
        new Paragraph(
            getTranslation(
                "application.agreement.digest", agreement.version(), agreement.sha256()));
    Checkbox accept = new Checkbox(getTranslation("application.agreement.accept"));
    accept.setId("agreement-accept");
    Paragraph result = Sections.status("agreement-result");
    Button confirm = new Button(getTranslation("application.agreement.confirm"));
    confirm.setId("agreement-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    confirm.addClickListener(
        event -> {
          try {
            applications.acceptAgreement(
                caller,
                id,
                JSON.createObjectBuilder()
                    .add("accepted", accept.getValue())
                    .add("agreementVersion", agreement.version())
                    .build());
            render();
          } catch (Refusal refusal) {
            result.setText(
                accept.getValue()
                    ? ApplicationTexts.refusal(this, refusal)
                    : getTranslation("application.agreement.tick"));
          }
        });
    section.add(
        new Paragraph(getTranslation("application.agreement.intro")),
        text,
        digest,
        accept,
        confirm,
        result);
    return section;
  }

  private Div amend() {
    Paragraph result = Sections.status("amend-result");
    Button amend = new Button(getTranslation("application.amend"));
    amend.setId("app-amend");
    amend.addClickListener(
        event -> {
          try {
            UUID amendment = applications.amend(caller, id).application().id();
            getUI().ifPresent(ui -> ui.navigate(ApplicationEditorView.class, amendment.toString()));
          } catch (Refusal refusal) {
            result.setText(ApplicationTexts.refusal(this, refusal));
          }
        });
    return new Div(new Paragraph(getTranslation("application.amend.intro")), amend, result);
  }

  private Div withdraw() {
    Button withdraw = new Button(getTranslation("application.withdraw"));
    withdraw.setId("app-withdraw");
    withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
    withdraw.addClickListener(
        event ->
            Confirmation.open(
                getTranslation("application.withdraw.title"),
                new Paragraph(getTranslation("application.withdraw.body")),
                getTranslation("application.withdraw.confirm"),
                true,
                getTranslation("application.withdraw.cancel"),
                () -> {
                  applications.withdraw(caller, id);
                  render();
                }));
    return new Div(withdraw);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("application.pageTitle") + " · " + getTranslation("app.name");
  }
}
