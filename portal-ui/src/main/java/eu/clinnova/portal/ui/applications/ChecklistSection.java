package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import eu.clinnova.workflow.application.ApplicationFile;

/**
 * What a draft still needs before it can be submitted, how each dataset's data use matches the
 * purpose (DUO), and what each dataset's patients must have agreed to for it: shown beside the
 * editor and again after each save.
 */
final class ChecklistSection extends Section {

  private final Div content = new Div();

  ChecklistSection(ApplicationFile file) {
    H2 heading = new H2(getTranslation("application.checklist"));
    heading.setId("checklist-heading");
    setId("checklist");
    getElement().setAttribute("aria-labelledby", "checklist-heading");
    add(heading);
    content.setId("checklist-content");
    add(content);
    show(file);
  }

  /** Shows where the application stands now. */
  void show(ApplicationFile file) {
    content.removeAll();
    if (file.missing().isEmpty()) {
      Paragraph ready = new Paragraph(getTranslation("application.ready"));
      ready.setId("checklist-ready");
      content.add(ready);
    } else {
      UnorderedList missing = new UnorderedList();
      missing.setId("missing-list");
      file.missing()
          .forEach(problem -> missing.add(new ListItem(ApplicationTexts.missing(this, problem))));
      content.add(
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
                          file.datasetTitle(datasetId)
                              + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                              + getTranslation("application.match." + match.outcome().name())
                              + " — "
                              + String.join(
                                  "; ",
                                  match.explained().stream()
                                      .map(reason -> ApplicationTexts.duoReason(this, reason))
                                      .toList()))));
      content.add(new H3(getTranslation("application.duo")), matches);
    }
    // Consent for the purpose, before submitting: what each dataset's patients must have agreed to.
    file.modulesNeeded()
        .forEach(
            (datasetId, needed) -> {
              Paragraph line = ApplicationSummary.modulesNeeded(this, datasetId, needed);
              line.setText(file.datasetTitle(datasetId) + " — " + line.getText());
              content.add(line);
              var today = file.subjectsToday().get(datasetId);
              if (today != null) {
                content.add(ApplicationSummary.subjectsToday(this, datasetId, today));
              }
            });
  }
}
