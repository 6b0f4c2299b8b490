package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.PersonalDataReads;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.receipt.ConsentReceipt;
import eu.clinnova.consent.receipt.ReceiptPdf;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every record the patient's consent is made of, newest first: what it said (each module by its
 * title in the patient's language, never its code), who signed and when (in their language, on the
 * network's clock with its zone named), and its receipt (PDF in the signer's language, and the
 * ISO/IEC TS 27560 JSON).
 */
@Route(value = "consent/history", layout = MainLayout.class)
@RolesAllowed(Role.Names.PATIENT)
public class ConsentHistoryView extends Main implements HasDynamicTitle {

  /** Each module's title in the patient's language, from the form they answer. */
  private Map<ConsentModule, String> titles = Map.of();

  @Inject
  public ConsentHistoryView(ConsentQueries queries, PersonalDataReads reads, ConsentForms forms) {
    setId("consent-history");
    addClassName("portal-page");
    add(new H1(getTranslation("history.title")), new Paragraph(getTranslation("history.intro")));
    Caller caller = SignedInUser.current().orElseThrow();
    if (caller.psn().isEmpty()) {
      add(new Paragraph(getTranslation("activation.needed")));
      return;
    }
    String psn = caller.psn().get();
    List<RecordEntry> history = queries.history(caller, psn);
    titles = titles(queries, forms, caller, psn);
    if (history.isEmpty()) {
      add(new Paragraph(getTranslation("history.empty")));
      add(readsOf(reads.of(caller, psn)));
      return;
    }
    // A list of cards rather than a grid: it reads well on a phone and to a screen reader.
    UnorderedList list = new UnorderedList();
    list.setId("history-list");
    list.addClassName("portal-cards");
    for (RecordEntry entry : history) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.add(
          new H2(NetworkTime.dateTime(entry.record().recordedAt(), getLocale())),
          new Paragraph(what(entry.record())),
          new Paragraph(
              getTranslation("history.signer")
                  + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                  + getTranslation("history.signer." + entry.record().signer().code())),
          receipts(queries, caller, psn, entry));
      list.add(item);
    }
    add(list);
    add(readsOf(reads.of(caller, psn)));
  }

  private Map<ConsentModule, String> titles(
      ConsentQueries queries, ConsentForms forms, Caller caller, String psn) {
    ConsentQueries.PatientConsent consent = queries.state(caller, psn, Instant.now());
    Map<ConsentModule, String> found = new EnumMap<>(ConsentModule.class);
    eu.clinnova.consent.form.PatientForm.of(
            consent.patient().jurisdiction(), consent.history(), forms.active())
        .ifPresent(
            form -> {
              String language =
                  eu.clinnova.consent.form.PatientForm.language(form, getLocale().getLanguage());
              form.modules()
                  .forEach(module -> found.put(module.module(), module.title().get(language)));
            });
    return found;
  }

  /** The module's title; its code only if no form of the patient's names it any more. */
  private String title(ConsentModule module) {
    return titles.getOrDefault(module, module.code());
  }

  /** Who among staff, compliance and nodes read the patient's consent (the log keeps it). */
  private Section readsOf(List<PersonalDataReads.LoggedRead> reads) {
    Section section = new Section();
    section.setId("consent-reads");
    H2 heading = new H2(getTranslation("history.reads.title"));
    heading.setId("consent-reads-title");
    section.getElement().setAttribute("aria-labelledby", "consent-reads-title");
    section.add(heading, new Paragraph(getTranslation("history.reads.intro")));
    if (reads.isEmpty()) {
      section.add(new Paragraph(getTranslation("history.reads.none")));
      return section;
    }
    UnorderedList list = new UnorderedList();
    list.setId("consent-reads-list");
    for (PersonalDataReads.LoggedRead read : reads) {
      list.add(
          new ListItem(
              getTranslation(
                  "history.reads.line",
                  NetworkTime.dateTime(read.at(), getLocale()),
                  getTranslation("history.reads.role." + read.actorRole()),
                  getTranslation("history.reads.view." + read.view()))));
    }
    section.add(list);
    return section;
  }

  private String what(ConsentRecord record) {
    return switch (record.kind()) {
      case CONSENT ->
          record.decisions().entrySet().stream()
              .map(
                  entry ->
                      title(entry.getKey())
                          + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                          + getTranslation("consent.decision." + entry.getValue().code()))
              .collect(Collectors.joining(", "));
      case WITHDRAWAL ->
          getTranslation(
              "history.withdrawal",
              record.withdrawn().isEmpty()
                  ? getTranslation("history.everything")
                  : record.withdrawn().stream()
                      .map(this::title)
                      .sorted()
                      .collect(Collectors.joining(", ")));
      case OBJECTION -> getTranslation("history.objection");
      case INFORMATION -> getTranslation("history.information");
      case CAPACITY -> getTranslation("history.capacity");
    };
  }

  private Div receipts(ConsentQueries queries, Caller caller, String psn, RecordEntry entry) {
    String id = entry.record().id();
    String base = portalUrl();
    Anchor pdf =
        Downloads.link(
            getTranslation("history.pdf"),
            "consent-receipt-" + id + ".pdf",
            "application/pdf",
            () -> ReceiptPdf.render(ConsentReceipt.json(queries.receipt(caller, psn, id), base)));
    pdf.getElement().setAttribute("aria-label", getTranslation("history.pdfLabel", id));
    Anchor json =
        Downloads.link(
            "JSON",
            "consent-receipt-" + id + ".json",
            "application/json",
            () ->
                ConsentReceipt.json(queries.receipt(caller, psn, id), base)
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
    json.getElement().setAttribute("aria-label", getTranslation("history.jsonLabel", id));
    Div links = new Div(pdf, new com.vaadin.flow.component.html.Span(" · "), json);
    return links;
  }

  /** Where patients manage their consent: the configured public address (never the Host). */
  static String portalUrl() {
    return eu.clinnova.portal.config.PortalEnvironment.current().publicUrl().toString();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("history.title") + " · " + getTranslation("app.name");
  }
}
