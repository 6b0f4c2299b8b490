package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.portal.ui.base.NetworkTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A patient's records as staff read them, oldest first: when, what kind, who signed, and each
 * module's decision (the steward's and the compliance officer's patient pages).
 */
final class ConsentTimeline {

  private ConsentTimeline() {}

  static Component of(Component host, Locale locale, List<RecordEntry> history) {
    Div timeline = new Div();
    if (history.isEmpty()) {
      timeline.add(new Paragraph(host.getTranslation("history.empty")));
      return timeline;
    }
    UnorderedList list = new UnorderedList();
    list.addClassName("portal-cards");
    for (RecordEntry entry : history) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      // In staff's words: what kind of record, who signed (the patient, a guardian...), and each
      // module by its title with the decision (never codes; issue 21).
      String signer = host.getTranslation("timeline.signer." + entry.record().signer().code());
      item.add(
          new Paragraph(
              NetworkTime.dateTime(entry.record().recordedAt(), locale)
                  + " · "
                  + host.getTranslation("timeline.kind." + entry.record().kind().code())
                  + " · "
                  + signer
                  + entry.signerName().map(name -> " (" + name + ")").orElse("")),
          new Paragraph(
              entry.record().decisions().entrySet().stream()
                  .map(
                      e ->
                          host.getTranslation("module.title." + e.getKey().code())
                              + eu.clinnova.portal.ui.base.Punctuation.colon(host)
                              + host.getTranslation("consent.decision." + e.getValue().code()))
                  .collect(Collectors.joining(", "))));
      list.add(item);
    }
    timeline.add(list);
    return timeline;
  }
}
