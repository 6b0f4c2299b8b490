package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouterLink;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.ApplicationFile;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How an application changed: for reviewers what its last resubmission changed, field by field; for
 * an amendment what it adds to the application it amends, for a renewal what it changes, or the
 * amendments and renewals of an application.
 */
final class ApplicationRevisions {

  private final Component page;

  ApplicationRevisions(Component page) {
    this.page = page;
  }

  private String t(String key, Object... params) {
    return page.getTranslation(key, params);
  }

  /** What changed at the last resubmission, field by field, before and after. */
  Section changes(ApplicationFile file) {
    Section section =
        Sections.labelled(
            "changes",
            t(
                file.application().renewal() && file.application().revision() <= 1
                    ? "application.renewal.changes"
                    : "application.changes"));
    section.addClassName("portal-notice");
    DescriptionList list = new DescriptionList();
    list.setId("changed-fields");
    list.addClassName("portal-details");
    JsonObject before =
        file.previousRevision().map(ApplicationDocument::json).orElse(JsonValue.EMPTY_JSON_OBJECT);
    JsonObject after = file.application().document().json();
    for (String field : file.changedSinceLastRevision()) {
      list.add(
          new DescriptionList.Term(t("application.field." + field)),
          new DescriptionList.Description(
              t("application.change", shown(before.get(field)), shown(after.get(field)))));
    }
    section.add(list);
    return section;
  }

  /** A field's value in a short readable form: text as it is, lists and objects as JSON. */
  private static String shown(JsonValue value) {
    if (value == null) {
      return "—";
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    return value.toString();
  }

  /** For an amendment: which application it amends and what it adds; else its amendments. */
  <C extends Component & HasUrlParameter<String>> Optional<Component> amendment(
      ApplicationFile file, Class<C> view) {
    if (file.application().renews().isPresent()) {
      Paragraph notice = new Paragraph(t("application.renewal.notice"));
      notice.setId("renewal-notice");
      notice.addClassName("portal-notice");
      RouterLink renewed =
          new RouterLink(
              t("application.renewal.of"), view, file.application().renews().get().toString());
      return Optional.of(new Div(notice, renewed));
    }
    if (file.adds().isPresent()) {
      var adds = file.adds().get();
      Paragraph notice =
          new Paragraph(
              t(
                  "application.amendment.adds",
                  adds.addedDatasets().isEmpty() ? "—" : String.join(", ", adds.addedDatasets()),
                  adds.addedMembers().isEmpty()
                      ? "—"
                      : adds.addedMembers().stream()
                          .map(member -> member.name())
                          .collect(Collectors.joining(", "))));
      notice.setId("amendment-notice");
      notice.addClassName("portal-notice");
      RouterLink amended =
          new RouterLink(
              t("application.amendment.of"),
              view,
              file.application().amends().orElseThrow().toString());
      return Optional.of(new Div(notice, amended));
    }
    if (file.amendments().isEmpty()) {
      return Optional.empty();
    }
    Section section = Sections.labelled("amendments", t("application.amendments"));
    UnorderedList list = new UnorderedList();
    list.setId("amendment-list");
    file.amendments()
        .forEach(
            amendment ->
                list.add(
                    new ListItem(
                        new RouterLink(
                            t(amendment.renewal() ? "application.renewal" : "application.amendment")
                                + " · "
                                + ApplicationTexts.state(page, amendment.state().code())
                                + " · "
                                + ApplicationTexts.time(page, amendment.createdAt()),
                            view,
                            amendment.id().toString()))));
    section.add(list);
    return Optional.of(section);
  }
}
