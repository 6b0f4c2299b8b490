package eu.clinnova.portal.ui.compliance;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.register.ProcessingActivity;
import eu.clinnova.workflow.register.ProcessingRecord;
import eu.clinnova.workflow.register.ProcessingRecordPdf;
import eu.clinnova.workflow.register.ProcessingRegister;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The record of processing activities (GDPR Art. 30(1)) as a page, with the same as a PDF for the
 * supervisory authority. The page's headings speak the reader's language; the record itself is kept
 * in English, as the API and the PDF give it.
 */
@Route(value = "compliance/processing-register", layout = MainLayout.class)
@RolesAllowed({Role.Names.COMPLIANCE_OFFICER, Role.Names.ADMIN})
public class ProcessingRegisterView extends Main implements HasDynamicTitle {

  @Inject
  public ProcessingRegisterView(ProcessingRegister register) {
    Caller caller = SignedInUser.current().orElseThrow();
    setId("processing-register");
    addClassName("portal-page");
    ProcessingRecord record = register.record(caller);
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(NetworkTime.regional(getLocale()))
            .withZone(NetworkTime.ZONE);
    Anchor pdf =
        Downloads.link(
            getTranslation("register.pdf"),
            "record-of-processing.pdf",
            "application/pdf",
            () -> ProcessingRecordPdf.render(register.record(caller)));
    pdf.setId("register-pdf");
    add(
        new H1(getTranslation("register.title")),
        new Paragraph(getTranslation("register.intro")),
        new Paragraph(
            getTranslation(
                "register.generated", NetworkTime.dateTime(record.generatedAt(), getLocale()))),
        pdf,
        controller(record));
    UnorderedList activities = new UnorderedList();
    activities.setId("register-activities");
    activities.addClassName("portal-cards");
    for (ProcessingActivity activity : record.activities()) {
      activities.add(activity(activity, format));
    }
    if (record.activities().isEmpty()) {
      add(new Paragraph(getTranslation("register.none")));
    }
    add(activities);
  }

  private Section controller(ProcessingRecord record) {
    Section section =
        Sections.labelled("register-controller", getTranslation("register.controller"));
    DescriptionList details = new DescriptionList();
    details.addClassName("portal-details");
    term(details, "register.controllerName", record.controller().name());
    term(details, "register.contact", record.controller().contact());
    term(details, "register.dpo", record.controller().dpo());
    term(details, "register.authority", record.controller().authority());
    section.add(details);
    return section;
  }

  private ListItem activity(ProcessingActivity activity, DateTimeFormatter format) {
    ListItem item = new ListItem();
    item.addClassName("portal-card");
    item.setId("activity-" + activity.applicationId());
    item.add(new H2(activity.title()));
    DescriptionList details = new DescriptionList();
    details.addClassName("portal-details");
    term(details, "register.purposes", String.join(" · ", activity.purposes()));
    term(details, "register.legalBasis", activity.legalBasis());
    term(details, "register.dataSubjects", String.join(" · ", activity.dataSubjects()));
    term(details, "register.dataCategories", String.join(" · ", activity.dataCategories()));
    term(details, "register.recipients", String.join(" · ", activity.recipients()));
    term(
        details,
        "register.transfers",
        activity.transfers().isEmpty()
            ? getTranslation("register.noTransfer")
            : String.join(
                " · ",
                activity.transfers().stream()
                    .map(
                        transfer ->
                            transfer.country()
                                + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                                + transfer.safeguard())
                    .toList()));
    term(
        details,
        "register.access",
        activity
            .from()
            .map(
                from ->
                    format.format(from)
                        + activity.until().map(until -> " – " + format.format(until)).orElse(""))
            .orElse(getTranslation("register.notGranted")));
    term(details, "register.retention", activity.retention());
    term(details, "register.security", String.join(" · ", activity.security()));
    item.add(details);
    return item;
  }

  private void term(DescriptionList list, String key, String value) {
    list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("register.title") + " · " + getTranslation("app.name");
  }
}
