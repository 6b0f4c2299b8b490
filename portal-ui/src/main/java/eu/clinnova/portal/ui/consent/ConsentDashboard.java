package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.ConsentRecording;
import eu.clinnova.consent.application.ConsentRequest;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.ConsentBasis;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.RestorableChoices;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormModule;
import eu.clinnova.consent.receipt.ConsentStatement;
import eu.clinnova.consent.receipt.ReceiptPdf;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.Sections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patient's consent, module by module, in their language: pending re-consent requests first,
 * then (before any consent) the whole form, each module with its current decision, since when and
 * until when, a one-confirmation change, and "withdraw everything" with what it means in their
 * jurisdiction.
 */
public class ConsentDashboard extends Div {

  private final Caller caller;
  private final String psn;
  private final ConsentQueries queries;
  private final ConsentRecording recording;
  private final ConsentForms forms;

  public ConsentDashboard(
      Caller caller,
      String psn,
      ConsentQueries queries,
      ConsentRecording recording,
      ConsentForms forms) {
    this.caller = caller;
    this.psn = psn;
    this.queries = queries;
    this.recording = recording;
    this.forms = forms;
    setId("consent-dashboard");
    refresh();
  }

  private void refresh() {
    removeAll();
    ConsentQueries.PatientConsent consent = queries.state(caller, psn, Instant.now());
    Optional<ConsentForm> found =
        eu.clinnova.consent.form.PatientForm.of(
            consent.patient().jurisdiction(), consent.history(), forms.active());
    if (found.isEmpty()) {
      add(new Paragraph(getTranslation("consent.noForm")));
      return;
    }
    ConsentForm form = found.get();
    String language =
        eu.clinnova.consent.form.PatientForm.language(form, getLocale().getLanguage());
    List<ConsentQueries.OpenRequest> open = queries.openRequests(caller, psn);
    boolean consentedOnForm =
        consent.history().stream()
            .anyMatch(
                entry ->
                    entry.record().kind() == RecordKind.CONSENT
                        && form.id().equals(entry.record().formId()));
    boolean nonOpposition = consent.policy().basis() == ConsentBasis.NON_OPPOSITION;
    add(summary(form, language, consent));
    if (!open.isEmpty()) {
      add(requests(open, form, language, consent));
    } else if (!consentedOnForm && !nonOpposition) {
      add(wholeForm(form, language, consent, "consent.first.heading", "consent.first.intro"));
    } else {
      restorable(form, consent).ifPresent(offer -> add(restore(form, language, offer)));
    }
    add(modules(form, language, consent, consentedOnForm || nonOpposition));
    add(withdrawEverything(consent));
  }

  /**
   * The state at a glance ("You allow 4 of 9 uses"), a statement of the choices now to keep, and
   * the information notice with the controller's data protection officer.
   */
  private Section summary(
      ConsentForm form, String language, ConsentQueries.PatientConsent consent) {
    Section section = section("consent-summary", "consent.summary.heading");
    long allowed =
        form.modules().stream()
            .filter(module -> consent.states().get(module.module()).permits())
            .count();
    Paragraph count =
        new Paragraph(
            getTranslation(
                "consent.summary.allowed",
                String.valueOf(allowed),
                String.valueOf(form.modules().size())));
    count.setId("consent-allowed");
    count.addClassName("consent-summary-count");
    Anchor statement =
        Downloads.link(
            getTranslation("consent.summary.statement"),
            "consent-statement-" + psn + ".pdf",
            "application/pdf",
            () ->
                ReceiptPdf.renderStatement(
                    ConsentStatement.json(
                        queries.state(caller, psn, Instant.now()),
                        form,
                        language,
                        ConsentHistoryView.portalUrl())));
    statement.setId("statement-pdf");
    section.add(
        count,
        new Paragraph(statement),
        new ConsentNotice(form, language, consent.patient().jurisdiction()));
    return section;
  }

  private Optional<RestorableChoices> restorable(
      ConsentForm form, ConsentQueries.PatientConsent consent) {
    List<ConsentRecord> oldestFirst = new ArrayList<>();
    for (int i = consent.history().size() - 1; i >= 0; i--) {
      oldestFirst.add(consent.history().get(i).record());
    }
    return RestorableChoices.of(consent.patient(), oldestFirst, consent.policy(), Instant.now())
        .filter(
            offer ->
                form.modules().stream()
                    .anyMatch(module -> offer.modules().contains(module.module())));
  }

  /** One step back to the yes answers the last withdrawal took away, confirmed once. */
  private Section restore(ConsentForm form, String language, RestorableChoices offer) {
    Section section = section("restore", "consent.restore.heading");
    section.addClassName("portal-callout");
    List<FormModule> modules =
        form.modules().stream()
            .filter(module -> offer.modules().contains(module.module()))
            .toList();
    Paragraph text =
        new Paragraph(
            getTranslation(
                "consent.restore.text",
                NetworkTime.date(
                    offer.withdrawnAt().atZone(NetworkTime.ZONE).toLocalDate(), getLocale())));
    text.setId("restore-text");
    UnorderedList list = new UnorderedList();
    list.setId("restore-list");
    modules.forEach(module -> list.add(new ListItem(module.title().get(language))));
    Button restore = new Button(getTranslation("consent.restore.button"));
    restore.setId("restore-choices");
    restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    restore.addClickListener(
        event -> {
          UnorderedList confirmed = new UnorderedList();
          modules.forEach(module -> confirmed.add(new ListItem(module.title().get(language))));
          Confirmation.open(
              getTranslation("consent.restore.confirmTitle"),
              new Div(confirmed, new Paragraph(getTranslation("consent.confirm.effect"))),
              getTranslation("consent.restore.confirm"),
              false,
              getTranslation("consent.cancel"),
              () -> {
                Map<String, String> decisions = new LinkedHashMap<>();
                modules.forEach(
                    module -> decisions.put(module.module().code(), Decision.PERMIT.code()));
                record(form, language, decisions);
              });
        });
    section.add(text, list, restore);
    return section;
  }

  private Section requests(
      List<ConsentQueries.OpenRequest> open,
      ConsentForm form,
      String language,
      ConsentQueries.PatientConsent consent) {
    Section section = section("reconsent", "consent.reconsent.heading");
    section.addClassName("portal-callout");
    for (ConsentQueries.OpenRequest request : open) {
      String key =
          "came-of-age".equals(request.trigger())
              ? "consent.reconsent.cameOfAge"
              : "regained-capacity".equals(request.trigger())
                  ? "consent.reconsent.capacity"
                  : "consent.reconsent.newVersion";
      section.add(new Paragraph(getTranslation(key, request.toVersion())));
      if (request.fromVersion() < request.toVersion()) {
        Button changes =
            new Button(
                getTranslation("consent.reconsent.whatChanged"),
                event ->
                    WhatChanged.open(
                        forms.find(request.formId(), request.fromVersion()).orElseThrow(),
                        forms.find(request.formId(), request.toVersion()).orElseThrow(),
                        language));
        changes.setId("what-changed");
        section.add(changes);
      }
    }
    section.add(
        wholeForm(form, language, consent, "consent.reconsent.review", "consent.reconsent.intro"));
    return section;
  }

  /** Every module with a yes/no choice, for a first consent or a re-consent. */
  private Section wholeForm(
      ConsentForm form,
      String language,
      ConsentQueries.PatientConsent consent,
      String headingKey,
      String introKey) {
    Section section = section("consent-form", headingKey);
    section.add(new Paragraph(form.intro().get(language)));
    section.add(new Paragraph(getTranslation(introKey)));
    Map<FormModule, RadioButtonGroup<Decision>> choices = new LinkedHashMap<>();
    for (FormModule module : form.modules()) {
      RadioButtonGroup<Decision> choice = new RadioButtonGroup<>();
      choice.setId("choice-" + module.module().code());
      choice.setLabel(
          module.title().get(language)
              + (module.required() ? " (" + getTranslation("consent.required") + ")" : ""));
      choice.setHelperText(module.text().get(language));
      choice.setItems(Decision.PERMIT, Decision.DENY);
      choice.setItemLabelGenerator(
          decision -> getTranslation("consent.decision." + decision.code()));
      choice.setRequiredIndicatorVisible(module.required());
      ModuleState current = consent.states().get(module.module());
      if (current.reason() != ModuleState.Reason.NO_RECORD) {
        choice.setValue(current.decision());
      }
      choices.put(module, choice);
      section.add(choice);
    }
    Button save = new Button(getTranslation("consent.save"));
    save.setId("save-consent");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        event -> {
          Map<String, String> decisions = new LinkedHashMap<>();
          boolean missing = false;
          for (Map.Entry<FormModule, RadioButtonGroup<Decision>> entry : choices.entrySet()) {
            RadioButtonGroup<Decision> choice = entry.getValue();
            if (choice.getValue() != null) {
              decisions.put(entry.getKey().module().code(), choice.getValue().code());
              choice.setInvalid(false);
            } else if (entry.getKey().required()) {
              choice.setErrorMessage(getTranslation("consent.requiredMissing"));
              choice.setInvalid(true);
              missing = true;
            }
          }
          if (missing || decisions.isEmpty()) {
            notify(getTranslation("consent.requiredMissing"), true);
            return;
          }
          Confirmation.open(
              getTranslation("consent.confirm.saveTitle"),
              new Paragraph(getTranslation("consent.confirm.effect")),
              getTranslation("consent.confirm.save"),
              false,
              getTranslation("consent.cancel"),
              () -> record(form, language, decisions));
        });
    section.add(save);
    return section;
  }

  private Section modules(
      ConsentForm form,
      String language,
      ConsentQueries.PatientConsent consent,
      boolean changeable) {
    Section section = section("consent-modules", "consent.modules.heading");
    for (FormModule module : form.modules()) {
      ModuleState state = consent.states().get(module.module());
      String title = module.title().get(language);
      Section card = new Section();
      card.setId("module-" + module.module().code());
      card.addClassName("consent-module");
      H3 heading = new H3(title);
      heading.setId("module-title-" + module.module().code());
      card.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
      Span decision = new Span(stateText(state));
      decision.addClassName(state.permits() ? "consent-yes" : "consent-no");
      decision.setId("state-" + module.module().code());
      card.add(heading, new Paragraph(module.text().get(language)), new Paragraph(decision));
      if (changeable) {
        Decision next = state.permits() ? Decision.DENY : Decision.PERMIT;
        Button change = new Button(getTranslation("consent.change." + next.code()));
        change.setId("change-" + module.module().code());
        change
            .getElement()
            .setAttribute(
                "aria-label",
                getTranslation("consent.change." + next.code())
                    + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                    + title);
        change.addClickListener(
            event ->
                Confirmation.open(
                    getTranslation(
                        "consent.confirm.changeTitle",
                        title,
                        getTranslation("consent.decision." + next.code())),
                    new Paragraph(getTranslation("consent.confirm.effect")),
                    getTranslation("consent.confirm.change"),
                    next == Decision.DENY,
                    getTranslation("consent.cancel"),
                    () -> change(form, language, module, next)));
        card.add(change);
      }
      section.add(card);
    }
    return section;
  }

  private Section withdrawEverything(ConsentQueries.PatientConsent consent) {
    Section section = section("withdraw", "consent.withdraw.heading");
    String meaning = getTranslation("consent.withdraw.meaning." + consent.patient().jurisdiction());
    section.add(new Paragraph(meaning));
    Button withdraw = new Button(getTranslation("consent.withdraw.button"));
    withdraw.setId("withdraw-all");
    withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
    withdraw.addClickListener(
        event ->
            Confirmation.open(
                getTranslation("consent.withdraw.confirmTitle"),
                new Paragraph(meaning),
                getTranslation("consent.withdraw.confirm"),
                true,
                getTranslation("consent.cancel"),
                () -> {
                  try {
                    recording.withdraw(caller, psn, List.of(), null);
                    notify(getTranslation("consent.withdraw.done"), false);
                  } catch (Refusal refusal) {
                    notify(getTranslation("consent.failed", refusal.getMessage()), true);
                  }
                  refresh();
                }));
    section.add(withdraw);
    return section;
  }

  private void change(ConsentForm form, String language, FormModule module, Decision next) {
    if (next == Decision.DENY) {
      // Taking back a yes is a withdrawal of that module (in FR, an objection to it).
      try {
        recording.withdraw(caller, psn, List.of(module.module().code()), null);
        notify(getTranslation("consent.saved"), false);
      } catch (Refusal refusal) {
        notify(getTranslation("consent.failed", refusal.getMessage()), true);
      }
      refresh();
      return;
    }
    Map<String, String> decisions = new LinkedHashMap<>();
    decisions.put(module.module().code(), next.code());
    record(form, language, decisions);
  }

  private void record(ConsentForm form, String language, Map<String, String> decisions) {
    try {
      recording.consent(
          caller,
          psn,
          new ConsentRequest(form.id(), form.version(), language, decisions, null, null, null));
      notify(getTranslation("consent.saved"), false);
    } catch (Refusal refusal) {
      notify(getTranslation("consent.failed", refusal.getMessage()), true);
    }
    refresh();
  }

  String stateText(ModuleState state) {
    return StateTexts.of(this, getLocale(), state);
  }

  private Section section(String id, String headingKey) {
    return Sections.labelled(id, getTranslation(headingKey));
  }

  private static void notify(String text, boolean error) {
    Notification notification = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
    notification.addThemeVariants(
        error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
