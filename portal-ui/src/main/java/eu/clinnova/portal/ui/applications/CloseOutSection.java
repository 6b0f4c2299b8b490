package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.workflow.application.CloseOut;
import eu.clinnova.workflow.application.CloseOuts;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The end of a project on its page: the applicant writes what came of it and where it is published,
 * and closes it (access still running ends); once closed, the report as the public register shows
 * it.
 */
final class CloseOutSection {

  private CloseOutSection() {}

  /** The form that closes the approved project {@code id}, confirmed first. */
  static Section form(
      Component host, CloseOuts closeOuts, Caller caller, UUID id, Runnable rerender) {
    Section section = Sections.labelled("close-out", host.getTranslation("closeOut.title"));
    TextArea results = new TextArea(host.getTranslation("closeOut.results"));
    results.setId("app-results");
    results.setHelperText(host.getTranslation("closeOut.resultsHelp"));
    results.setMaxLength(CloseOut.RESULTS_MAX);
    results.setWidthFull();
    TextArea publications = new TextArea(host.getTranslation("closeOut.publications"));
    publications.setId("app-publications");
    publications.setHelperText(host.getTranslation("closeOut.publicationsHelp"));
    publications.setWidthFull();
    Paragraph result = Sections.status("close-out-result");
    Button close = new Button(host.getTranslation("closeOut.close"));
    close.setId("app-close");
    close.addClickListener(
        event -> {
          List<String> listed =
              Arrays.stream(publications.getValue().split("\\R"))
                  .map(String::strip)
                  .filter(line -> !line.isEmpty())
                  .toList();
          List<FieldProblem> problems = CloseOut.problems(results.getValue(), listed);
          results.setInvalid(false);
          publications.setInvalid(false);
          if (!problems.isEmpty()) {
            problems.forEach(
                problem -> {
                  TextArea field = "results".equals(problem.field()) ? results : publications;
                  field.setInvalid(true);
                  field.setErrorMessage(
                      host.getTranslation(
                          "results".equals(problem.field())
                              ? "closeOut.resultsNeeded"
                              : "closeOut.publicationsInvalid"));
                });
            return;
          }
          Confirmation.open(
              host.getTranslation("closeOut.confirmTitle"),
              new Paragraph(host.getTranslation("closeOut.confirmText")),
              host.getTranslation("closeOut.close"),
              true,
              host.getTranslation("datasets.cancel"),
              () -> {
                try {
                  closeOuts.close(caller, id, results.getValue(), listed);
                  rerender.run();
                } catch (Refusal refusal) {
                  result.setText(ApplicationTexts.refusal(host, refusal));
                }
              });
        });
    section.add(
        new Paragraph(host.getTranslation("closeOut.intro")), results, publications, close, result);
    return section;
  }

  /** The report of a closed project. */
  static Section report(Component host, CloseOut report) {
    Section section = Sections.labelled("close-out-report", host.getTranslation("closeOut.report"));
    Paragraph results = new Paragraph(report.results());
    results.setId("close-out-results");
    results.getStyle().set("white-space", "pre-line");
    section.add(
        new Paragraph(
            host.getTranslation(
                "closeOut.closedOn", ApplicationTexts.time(host, report.closedAt()))),
        results);
    if (!report.publications().isEmpty()) {
      UnorderedList list = new UnorderedList();
      list.setId("close-out-publications");
      report.publications().forEach(publication -> list.add(new ListItem(new Span(publication))));
      section.add(list);
    }
    return section;
  }
}
