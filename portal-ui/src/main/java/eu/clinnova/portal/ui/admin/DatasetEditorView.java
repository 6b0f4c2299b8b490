package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.catalogue.CatalogueEntry;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetCatalogue;
import eu.clinnova.workflow.catalogue.DatasetDocument;
import eu.clinnova.workflow.catalogue.DatasetVersion;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An administrator publishes a dataset, or its next version: its title, description, data use in
 * DUO terms (chosen by their meaning), the consent modules each subject needs, its time limit and
 * size. Its id, node and cohort are fixed once published. A dataset in the catalogue can be retired
 * (no new applications); its versions are listed below.
 */
@Route(value = "admin/dataset", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class DatasetEditorView extends Main implements HasDynamicTitle, HasUrlParameter<String> {

  private final DatasetCatalogue catalogue;
  private final Caller caller;
  private final TextField id = new TextField();
  private final TextField title = new TextField();
  private final TextArea description = new TextArea();
  private final Select<Jurisdiction> jurisdiction = new Select<>();
  private final Select<String> cohort = new Select<>();
  private final Select<DuoTerm> permission = new Select<>();
  private final Select<String> disease = new Select<>();
  private final CheckboxGroup<DuoTerm> modifiers = new CheckboxGroup<>();
  private final IntegerField timeLimit = new IntegerField();
  private final CheckboxGroup<ConsentModule> modules = new CheckboxGroup<>();
  private final IntegerField subjects = new IntegerField();
  private final Paragraph status = Sections.status("dataset-status");
  private Optional<CatalogueEntry> editing = Optional.empty();
  private String notice;

  @Inject
  public DatasetEditorView(DatasetCatalogue catalogue) {
    this.catalogue = catalogue;
    this.caller = SignedInUser.current().orElseThrow();
    setId("admin-dataset");
    addClassName("portal-page");
  }

  @Override
  public void setParameter(BeforeEvent event, String parameter) {
    editing = "new".equals(parameter) ? Optional.empty() : catalogue.entry(parameter);
    if (!"new".equals(parameter) && editing.isEmpty()) {
      removeAll();
      add(new H1(getTranslation("datasets.title")));
      Paragraph missing = new Paragraph(getTranslation("datasets.unknown"));
      missing.setId("dataset-unknown");
      add(missing);
      return;
    }
    show();
  }

  private void show() {
    removeAll();
    add(
        new H1(
            editing
                .map(entry -> getTranslation("datasets.editTitle", entry.dataset().title()))
                .orElse(getTranslation("datasets.new"))));
    if (notice != null) {
      status.setText(notice);
      notice = null;
    }
    Section form =
        Sections.labelled("dataset-form", getTranslation("datasets.form"), "portal-form");
    form.add(new Paragraph(getTranslation("datasets.formIntro")));
    configureFields();
    editing.ifPresent(entry -> fill(entry.dataset()));
    Button save =
        new Button(
            getTranslation(editing.isPresent() ? "datasets.saveVersion" : "datasets.publish"),
            event -> save());
    save.setId("dataset-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    form.add(
        id,
        title,
        description,
        jurisdiction,
        cohort,
        permission,
        disease,
        modifiers,
        timeLimit,
        modules,
        subjects,
        save,
        status);
    add(form);
    editing.ifPresent(
        entry -> {
          if (!entry.retired()) {
            add(retirement(entry));
          } else {
            Paragraph retired = new Paragraph(getTranslation("datasets.retiredNote"));
            retired.setId("dataset-retired");
            add(retired);
          }
          add(history(entry.dataset().id()));
        });
  }

  private void configureFields() {
    id.setLabel(getTranslation("datasets.id"));
    id.setHelperText(getTranslation("datasets.idHelp"));
    id.setId("dataset-id");
    title.setLabel(getTranslation("datasets.titleField"));
    title.setId("dataset-title");
    title.setMaxLength(200);
    description.setLabel(getTranslation("datasets.description"));
    description.setId("dataset-description");
    description.setMaxLength(2000);
    jurisdiction.setLabel(getTranslation("datasets.node"));
    jurisdiction.setId("dataset-jurisdiction");
    jurisdiction.setItems(Jurisdiction.values());
    jurisdiction.setItemLabelGenerator(j -> getTranslation("jurisdiction." + j.name()));
    cohort.setLabel(getTranslation("steward.find.cohort"));
    cohort.setId("dataset-cohort");
    cohort.setItems("IBD", "RA", "MS");
    cohort.setItemLabelGenerator(code -> getTranslation("cohort." + code));
    permission.setLabel(getTranslation("datasets.permission"));
    permission.setId("dataset-permission");
    permission.setItems(Arrays.stream(DuoTerm.values()).filter(DuoTerm::isPermission).toList());
    permission.setItemLabelGenerator(term -> getTranslation("duo." + term.name()));
    disease.setLabel(getTranslation("datasets.disease"));
    disease.setId("dataset-disease");
    disease.setItems(Diseases.all());
    disease.setItemLabelGenerator(term -> DatasetTexts.disease(this, term));
    permission.addValueChangeListener(event -> disease.setVisible(event.getValue() == DuoTerm.DS));
    disease.setVisible(false);
    modifiers.setLabel(getTranslation("datasets.modifiers"));
    modifiers.setId("dataset-modifiers");
    modifiers.setItems(
        Arrays.stream(DuoTerm.values()).filter(term -> !term.isPermission()).toList());
    modifiers.setItemLabelGenerator(term -> getTranslation("duo." + term.name()));
    timeLimit.setLabel(getTranslation("datasets.timeLimit"));
    timeLimit.setId("dataset-time-limit");
    timeLimit.setMin(1);
    timeLimit.setVisible(false);
    modifiers.addValueChangeListener(
        event -> timeLimit.setVisible(event.getValue().contains(DuoTerm.TS)));
    modules.setLabel(getTranslation("datasets.modules"));
    modules.setId("dataset-modules");
    modules.setItems(ConsentModule.values());
    modules.setItemLabelGenerator(module -> getTranslation("module.title." + module.code()));
    subjects.setLabel(getTranslation("datasets.subjects"));
    subjects.setId("dataset-subjects");
    subjects.setMin(0);
    boolean fixed = editing.isPresent();
    id.setReadOnly(fixed);
    jurisdiction.setReadOnly(fixed);
    cohort.setReadOnly(fixed);
  }

  private void fill(Dataset dataset) {
    id.setValue(dataset.id());
    title.setValue(dataset.title());
    description.setValue(dataset.description());
    jurisdiction.setValue(Jurisdiction.valueOf(dataset.jurisdiction()));
    cohort.setValue(dataset.cohort());
    permission.setValue(dataset.use().permission());
    dataset.use().disease().ifPresent(disease::setValue);
    modifiers.setValue(dataset.use().modifiers());
    dataset.timeLimitMonths().ifPresent(timeLimit::setValue);
    modules.setValue(
        dataset.requiredModules().stream()
            .map(code -> ConsentModule.fromCode(code).orElseThrow())
            .collect(java.util.stream.Collectors.toSet()));
    subjects.setValue(dataset.subjects());
  }

  private void save() {
    Map<String, Component> fields = new LinkedHashMap<>();
    fields.put("id", id);
    fields.put("title", title);
    fields.put("description", description);
    fields.put("jurisdiction", jurisdiction);
    fields.put("cohort", cohort);
    fields.put("duo", permission);
    fields.put("disease", disease);
    fields.put("timeLimitMonths", timeLimit);
    fields.put("requiredModules", modules);
    fields.put("subjects", subjects);
    fields.values().forEach(field -> ((HasValidation) field).setInvalid(false));
    List<String> duo = new java.util.ArrayList<>();
    if (permission.getValue() != null) {
      duo.add(permission.getValue().name());
    }
    modifiers.getValue().stream().map(DuoTerm::name).sorted().forEach(duo::add);
    DatasetDocument.Parsed parsed =
        DatasetDocument.check(
            new DatasetDocument.Fields(
                id.getValue().strip(),
                title.getValue(),
                description.getValue(),
                jurisdiction.getValue() == null ? null : jurisdiction.getValue().name(),
                cohort.getValue(),
                duo,
                permission.getValue() == DuoTerm.DS ? disease.getValue() : null,
                modules.getValue().stream().map(ConsentModule::code).sorted().toList(),
                modifiers.getValue().contains(DuoTerm.TS) ? timeLimit.getValue() : null,
                subjects.getValue()));
    DatasetCatalogue.Outcome outcome =
        editing.isPresent()
            ? catalogue.revise(caller, editing.get().dataset().id(), parsed)
            : catalogue.publish(
                new AuditEvent.Actor(caller.subject(), Role.ADMIN.tokenName()), parsed);
    if (outcome instanceof DatasetCatalogue.Outcome.Invalid invalid) {
      status.setText(getTranslation("datasets.invalid"));
      Component first = null;
      for (DatasetDocument.Problem problem : invalid.problems()) {
        Component field = fields.get(problem.field());
        if (field instanceof HasValidation validated) {
          validated.setErrorMessage(problem.message());
          validated.setInvalid(true);
          first = first == null ? field : first;
        }
      }
      if (first instanceof com.vaadin.flow.component.Focusable<?> focusable) {
        focusable.focus();
      }
    } else if (outcome instanceof DatasetCatalogue.Outcome.AlreadyExists) {
      id.setErrorMessage(getTranslation("datasets.exists"));
      id.setInvalid(true);
      id.focus();
    } else if (outcome instanceof DatasetCatalogue.Outcome.Published published) {
      notice = getTranslation("datasets.published");
      getUI().ifPresent(ui -> ui.navigate("admin/dataset/" + published.dataset().id()));
    } else if (outcome instanceof DatasetCatalogue.Outcome.Revised revised) {
      notice =
          revised.audit().isPresent()
              ? getTranslation("datasets.savedVersion", revised.entry().version())
              : getTranslation("datasets.unchanged");
      editing = Optional.of(revised.entry());
      show();
    }
  }

  private Section retirement(CatalogueEntry entry) {
    Section section =
        Sections.labelled(
            "dataset-retire", getTranslation("datasets.retireHeading"), "portal-form");
    section.add(new Paragraph(getTranslation("datasets.retireIntro")));
    Button retire = new Button(getTranslation("datasets.retire"));
    retire.setId("dataset-retire-button");
    retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
    retire.addClickListener(
        event ->
            Confirmation.open(
                getTranslation("datasets.retireConfirmTitle", entry.dataset().title()),
                new Paragraph(getTranslation("datasets.retireIntro")),
                getTranslation("datasets.retire"),
                true,
                getTranslation("datasets.cancel"),
                () -> {
                  catalogue.retire(caller, entry.dataset().id());
                  notice = getTranslation("datasets.retiredDone");
                  editing = catalogue.entry(entry.dataset().id());
                  show();
                }));
    section.add(retire);
    return section;
  }

  private Section history(String datasetId) {
    Section section =
        Sections.labelled("dataset-history", getTranslation("datasets.history"), "portal-form");
    UnorderedList list = new UnorderedList();
    list.setId("dataset-versions");
    list.addClassName("portal-cards");
    for (DatasetVersion version : catalogue.history(datasetId)) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.add(
          new Paragraph(
              getTranslation(
                  "datasets.versionFrom",
                  version.version(),
                  NetworkTime.dateTime(version.publishedAt(), getLocale()))),
          new Paragraph(version.title()),
          new Paragraph(
              DatasetTexts.use(
                  this, version.permission(), version.disease().orElse(null), version.modifiers())),
          new Paragraph(
              getTranslation("datasets.modules")
                  + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                  + DatasetTexts.modules(this, version.requiredModules())));
      list.add(item);
    }
    section.add(list);
    return section;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("datasets.title") + " · " + getTranslation("app.name");
  }
}
