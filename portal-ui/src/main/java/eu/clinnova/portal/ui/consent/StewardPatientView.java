package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.AccountActivation;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.ConsentRecording;
import eu.clinnova.consent.application.ConsentRequest;
import eu.clinnova.consent.application.PatientRegistry;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.application.StaffRecords;
import eu.clinnova.consent.domain.ConsentBasis;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormModule;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.EvidenceUpload;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One patient, for a steward of their jurisdiction: their consent state and history, recording a
 * paper form with its scan, (FR) recording that they were informed, and a new activation code. A
 * patient of another jurisdiction looks like an unknown one.
 */
@Route(value = "steward/patient", layout = MainLayout.class)
@RolesAllowed(Role.Names.DATA_STEWARD)
public class StewardPatientView extends Main implements HasDynamicTitle, HasUrlParameter<String> {

  private final ConsentQueries queries;
  private final ConsentRecording recording;
  private final StaffRecords staffRecords;
  private final ConsentForms forms;
  private final AccountActivation activation;
  private final PatientRegistry registry;
  private final Caller caller;
  private String psn;
  private String notice;

  @Inject
  public StewardPatientView(
      ConsentQueries queries,
      ConsentRecording recording,
      StaffRecords staffRecords,
      ConsentForms forms,
      AccountActivation activation,
      PatientRegistry registry) {
    this.queries = queries;
    this.recording = recording;
    this.staffRecords = staffRecords;
    this.forms = forms;
    this.activation = activation;
    this.registry = registry;
    this.caller = SignedInUser.current().orElseThrow();
    setId("steward-patient");
    addClassName("portal-page");
  }

  @Override
  public void setParameter(BeforeEvent event, String parameter) {
    psn = parameter;
    refresh();
  }

  private void refresh() {
    removeAll();
    add(new H1(getTranslation("steward.patient.title", psn)));
    if (notice != null) {
      Paragraph shown = Sections.status("patient-notice");
      shown.setText(notice);
      add(shown);
      notice = null;
    }
    ConsentQueries.PatientConsent consent;
    try {
      consent = queries.state(caller, psn, Instant.now());
    } catch (Refusal refusal) {
      Paragraph missing = new Paragraph(getTranslation("steward.patient.unknown"));
      missing.setId("patient-unknown");
      add(missing);
      return;
    }
    add(
        new Paragraph(
            getTranslation(
                "steward.patient.details",
                getTranslation("jurisdiction." + consent.patient().jurisdiction()),
                consent.patient().site(),
                consent.patient().cohorts().stream()
                    .map(cohort -> getTranslation("cohort." + cohort.name()))
                    .sorted()
                    .collect(Collectors.joining(", ")),
                consent.patient().minor()
                    ? getTranslation("steward.patient.minor")
                    : getTranslation("steward.patient.adult"))));
    add(state(consent), history(consent));
    Optional<ConsentForm> form =
        eu.clinnova.consent.form.PatientForm.of(
            consent.patient().jurisdiction(), consent.history(), forms.active());
    form.ifPresent(
        found -> {
          if (consent.policy().basis() == ConsentBasis.NON_OPPOSITION) {
            add(information(found));
          }
          add(paper(found, consent));
        });
    add(
        PaperWithdrawalForm.of(
            section("paper-withdrawal", "steward.withdraw.heading"),
            recording,
            staffRecords,
            caller,
            psn,
            this::refreshSaying));
    if (representedWithoutCapacityRecorded(consent)) {
      add(capacity());
    }
    add(
        PatientDetailsForm.of(
            section("patient-correction", "steward.correct.heading"),
            registry,
            caller,
            consent.patient(),
            this::refreshSaying));
    add(activationCode(consent.patient().minor()));
  }

  /** Shows the page again, with {@code message} at its top (what the steward just did). */
  private void refreshSaying(String message) {
    notice = message;
    refresh();
  }

  private Section state(ConsentQueries.PatientConsent consent) {
    Section section = section("patient-state", "steward.patient.state");
    UnorderedList list = new UnorderedList();
    list.addClassName("portal-cards");
    for (ConsentModule module : ConsentModule.values()) {
      ModuleState state = consent.states().get(module);
      ListItem item =
          new ListItem(
              getTranslation("module.title." + module.code())
                  + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                  + StateTexts.of(this, getLocale(), state));
      item.setId("patient-state-" + module.code());
      item.addClassName("portal-card");
      list.add(item);
    }
    section.add(list);
    return section;
  }

  private Section history(ConsentQueries.PatientConsent consent) {
    Section section = section("patient-history", "history.title");
    section.add(ConsentTimeline.of(this, getLocale(), consent.history()));
    return section;
  }

  /**
   * CH: a legal representative consented for this patient and no one has recorded yet that they
   * regained capacity.
   */
  private static boolean representedWithoutCapacityRecorded(ConsentQueries.PatientConsent consent) {
    return consent.policy().renewAtCapacity()
        && consent.history().stream()
            .anyMatch(entry -> entry.record().signer() == SignerKind.REPRESENTATIVE)
        && consent.history().stream()
            .noneMatch(entry -> entry.record().kind() == RecordKind.CAPACITY);
  }

  /** Recording that a represented patient regained capacity: they are asked to decide. */
  private Section capacity() {
    Section section = section("patient-capacity", "steward.capacity.heading");
    section.add(new Paragraph(getTranslation("steward.capacity.intro")));
    Button record = new Button(getTranslation("steward.capacity.button"));
    record.setId("capacity-regained");
    record.addClickListener(
        event -> {
          try {
            staffRecords.capacityRegained(caller, psn);
            refresh();
          } catch (Refusal refusal) {
            section.add(new Paragraph(refusal.getMessage()));
          }
        });
    section.add(record);
    return section;
  }

  private Section information(ConsentForm form) {
    Section section = section("patient-information", "steward.inform.heading");
    section.add(new Paragraph(getTranslation("steward.inform.intro")));
    Select<String> language = languageSelect(form, "inform-language");
    Button inform = new Button(getTranslation("steward.inform.button"));
    inform.setId("inform");
    inform.addClickListener(
        event -> {
          try {
            staffRecords.inform(caller, psn, form.id(), form.version(), language.getValue());
            refresh();
          } catch (Refusal refusal) {
            section.add(new Paragraph(refusal.getMessage()));
          }
        });
    section.add(language, inform);
    return section;
  }

  /** A paper form: the scan first, then who signed, in which language, and each decision. */
  private Section paper(ConsentForm form, ConsentQueries.PatientConsent consent) {
    Section section = section("paper-consent", "steward.paper.heading");
    section.add(new Paragraph(getTranslation("steward.paper.intro")));
    Paragraph scanned = new Paragraph();
    scanned.setId("scan-result");
    scanned.getElement().setAttribute("role", "status");
    String[] attachment = new String[1];
    Upload upload =
        EvidenceUpload.of(
            "scan-upload",
            StaffRecords.MAX_EVIDENCE_BYTES,
            scanned,
            (metadata, data) -> {
              try {
                StaffRecords.Attached attached =
                    staffRecords.attach(caller, psn, metadata.contentType(), data);
                attachment[0] = attached.attachment().id().toString();
                scanned.setText(
                    getTranslation("steward.paper.scanned", attached.attachment().sha256()));
              } catch (Refusal refusal) {
                attachment[0] = null;
                scanned.setText(refusal.getMessage());
              }
            });
    Select<SignerKind> signer = new Select<>();
    signer.setId("paper-signer");
    signer.setLabel(getTranslation("history.signer"));
    List<SignerKind> kinds =
        consent.policy().renewAtCapacity()
            ? List.of(SignerKind.STAFF_PAPER, SignerKind.GUARDIAN, SignerKind.REPRESENTATIVE)
            : List.of(SignerKind.STAFF_PAPER, SignerKind.GUARDIAN);
    signer.setItems(kinds);
    signer.setItemLabelGenerator(kind -> getTranslation("steward.signer." + kind.code()));
    signer.setValue(consent.patient().minor() ? SignerKind.GUARDIAN : SignerKind.STAFF_PAPER);
    TextField name = new TextField(getTranslation("steward.paper.signerName"));
    name.setId("paper-signer-name");
    Select<String> language = languageSelect(form, "paper-language");
    Map<FormModule, RadioButtonGroup<Decision>> choices = new LinkedHashMap<>();
    section.add(upload, scanned, signer, name, language);
    String lang = eu.clinnova.consent.form.PatientForm.language(form, getLocale().getLanguage());
    for (FormModule module : form.modules()) {
      RadioButtonGroup<Decision> choice = new RadioButtonGroup<>();
      choice.setId("paper-" + module.module().code());
      choice.setLabel(module.title().get(lang));
      choice.setItems(Decision.PERMIT, Decision.DENY);
      choice.setItemLabelGenerator(d -> getTranslation("consent.decision." + d.code()));
      choices.put(module, choice);
      section.add(choice);
    }
    Paragraph result = new Paragraph();
    result.setId("paper-result");
    result.getElement().setAttribute("role", "status");
    Button save = new Button(getTranslation("steward.paper.save"));
    save.setId("paper-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        event -> {
          Map<String, String> decisions = new LinkedHashMap<>();
          choices.forEach(
              (module, choice) -> {
                if (choice.getValue() != null) {
                  decisions.put(module.module().code(), choice.getValue().code());
                }
              });
          try {
            recording.consent(
                caller,
                psn,
                new ConsentRequest(
                    form.id(),
                    form.version(),
                    language.getValue(),
                    decisions,
                    signer.getValue().code(),
                    name.getValue().isBlank() ? null : name.getValue(),
                    attachment[0]));
            refresh();
          } catch (Refusal refusal) {
            result.setText(
                refusal.getMessage()
                    + (refusal.problems().isEmpty()
                        ? ""
                        : eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                            + refusal.problems().stream()
                                .map(p -> p.field() + " " + p.message())
                                .collect(Collectors.joining("; "))));
          }
        });
    section.add(save, result);
    return section;
  }

  private Section activationCode(boolean minor) {
    Section section = section("patient-activation", "steward.code.heading");
    section.add(new Paragraph(getTranslation("steward.code.intro")));
    Paragraph code = new Paragraph();
    code.setId("new-code");
    code.getElement().setAttribute("role", "status");
    Button issue = new Button(getTranslation("steward.code.button"));
    issue.setId("issue-code");
    issue.addClickListener(
        event -> {
          AccountActivation.Issued issued = activation.issue(caller, psn);
          code.setText(getTranslation("steward.code.issued", issued.code()));
        });
    section.add(issue, code);
    if (minor) {
      // Each guardian of a minor links their own account with a code of their own.
      Button guardian = new Button(getTranslation("steward.guardian.button"));
      guardian.setId("issue-guardian-code");
      guardian.addClickListener(
          event -> {
            AccountActivation.Issued issued = activation.issueGuardianCode(caller, psn);
            code.setText(getTranslation("steward.guardian.issued", issued.code()));
          });
      section.add(guardian);
    }
    return section;
  }

  private Select<String> languageSelect(ConsentForm form, String id) {
    Select<String> language = new Select<>();
    language.setId(id);
    language.setLabel(getTranslation("language.label"));
    language.setItems(form.languages());
    language.setItemLabelGenerator(code -> getTranslation("steward.language." + code));
    language.setValue(
        eu.clinnova.consent.form.PatientForm.language(form, getLocale().getLanguage()));
    return language;
  }

  private Section section(String id, String headingKey) {
    return Sections.labelled(id, getTranslation(headingKey), "portal-form");
  }

  @Override
  public String getPageTitle() {
    return getTranslation("steward.patient.title", psn == null ? "" : psn)
        + " · "
        + getTranslation("app.name");
  }
}
