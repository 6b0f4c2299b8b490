package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.Requester;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.receipt.ConsentReceipt;
import eu.clinnova.consent.receipt.ReceiptPdf;
import eu.clinnova.portal.identity.Caller;
import eu.clinnova.portal.identity.Requesters;
import eu.clinnova.portal.identity.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every record the patient's consent is made of, newest first: what it said, who signed and when,
 * and its receipt (PDF in the signer's language, and the ISO/IEC TS 27560 JSON).
 */
@Route(value = "consent/history", layout = MainLayout.class)
@RolesAllowed(Role.Names.PATIENT)
public class ConsentHistoryView extends Main implements HasDynamicTitle {

  @Inject
  public ConsentHistoryView(ConsentQueries queries) {
    setId("consent-history");
    addClassName("portal-page");
    add(new H1(getTranslation("history.title")), new Paragraph(getTranslation("history.intro")));
    Caller caller = SignedInUser.current().orElseThrow();
    if (caller.psn().isEmpty()) {
      add(new Paragraph(getTranslation("activation.needed")));
      return;
    }
    Requester requester = Requesters.of(caller);
    String psn = caller.psn().get();
    List<RecordEntry> history = queries.history(requester, psn);
    if (history.isEmpty()) {
      add(new Paragraph(getTranslation("history.empty")));
      return;
    }
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(getLocale())
            .withZone(ZoneOffset.UTC);
    // A list of cards rather than a grid: it reads well on a phone and to a screen reader.
    UnorderedList list = new UnorderedList();
    list.setId("history-list");
    list.addClassName("portal-cards");
    for (RecordEntry entry : history) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.add(
          new H2(format.format(entry.record().recordedAt()) + " UTC"),
          new Paragraph(what(entry.record())),
          new Paragraph(
              getTranslation("history.signer")
                  + ": "
                  + getTranslation("history.signer." + entry.record().signer().code())),
          receipts(queries, requester, psn, entry));
      list.add(item);
    }
    add(list);
  }

  private String what(ConsentRecord record) {
    return switch (record.kind()) {
      case CONSENT ->
          record.decisions().entrySet().stream()
              .map(
                  entry ->
                      entry.getKey().code()
                          + ": "
                          + getTranslation("consent.decision." + entry.getValue().code()))
              .collect(Collectors.joining(", "));
      case WITHDRAWAL ->
          getTranslation(
              "history.withdrawal",
              record.withdrawn().isEmpty()
                  ? getTranslation("history.everything")
                  : record.withdrawn().stream()
                      .map(ConsentModule::code)
                      .sorted()
                      .collect(Collectors.joining(", ")));
      case OBJECTION -> getTranslation("history.objection");
      case INFORMATION -> getTranslation("history.information");
    };
  }

  private Div receipts(ConsentQueries queries, Requester requester, String psn, RecordEntry entry) {
    String id = entry.record().id();
    String base = portalUrl();
    Anchor pdf =
        new Anchor(
            new StreamResource(
                "consent-receipt-" + id + ".pdf",
                () ->
                    new ByteArrayInputStream(
                        ReceiptPdf.render(
                            ConsentReceipt.json(queries.receipt(requester, psn, id), base)))),
            getTranslation("history.pdf"));
    pdf.getElement().setAttribute("download", true);
    pdf.getElement().setAttribute("aria-label", getTranslation("history.pdfLabel", id));
    Anchor json =
        new Anchor(
            new StreamResource(
                "consent-receipt-" + id + ".json",
                () ->
                    new ByteArrayInputStream(
                        ConsentReceipt.json(queries.receipt(requester, psn, id), base)
                            .toString()
                            .getBytes(StandardCharsets.UTF_8))),
            "JSON");
    json.getElement().setAttribute("download", true);
    json.getElement().setAttribute("aria-label", getTranslation("history.jsonLabel", id));
    Div links = new Div(pdf, new com.vaadin.flow.component.html.Span(" · "), json);
    return links;
  }

  /** Where patients manage their consent: the configured public address, else this server. */
  static String portalUrl() {
    com.vaadin.flow.server.VaadinRequest request =
        com.vaadin.flow.server.VaadinRequest.getCurrent();
    String here =
        request instanceof com.vaadin.flow.server.VaadinServletRequest servlet
            ? servlet.getScheme()
                + "://"
                + servlet.getServerName()
                + ":"
                + servlet.getServerPort()
                + "/"
            : "http://localhost:8080/";
    return eu.clinnova.portal.config.Settings.value("CLINNOVA_PUBLIC_URL", here);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("history.title") + " · " + getTranslation("app.name");
  }
}
