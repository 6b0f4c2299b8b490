package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.shared.Registration;
import eu.clinnova.consent.application.ImportRunner;
import eu.clinnova.consent.application.PatientImport;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.registry.ImportJob;
import eu.clinnova.consent.registry.PatientCsv;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.EvidenceUpload;
import eu.clinnova.portal.ui.base.Sections;
import java.text.NumberFormat;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Enrolling a hospital's export: the steward uploads the CSV, the job runs in the background, and
 * the page follows it (a progress bar, then each bad line by number and reason). Leaving the page
 * does not stop the job.
 */
final class PatientImportPanel extends Div {

  /** Bad lines shown on the page; the job keeps the first thousand, the count says the rest. */
  private static final int SHOWN_ERRORS = 100;

  private final PatientImport imports;
  private final ImportRunner runner;
  private final Caller caller;
  private final ProgressBar progress = new ProgressBar();
  private final Paragraph status = Sections.status("import-status");
  private final UnorderedList errors = new UnorderedList();
  private UUID running;
  private Registration polling;

  PatientImportPanel(PatientImport imports, ImportRunner runner, Caller caller) {
    this.imports = imports;
    this.runner = runner;
    this.caller = caller;
    Section section =
        Sections.labelled(
            "import-patients", getTranslation("steward.import.heading"), "portal-form");
    Paragraph intro = new Paragraph(getTranslation("steward.import.intro", PatientCsv.HEADER));
    Upload upload =
        EvidenceUpload.of(
            "import-upload",
            PatientImport.MAX_BYTES,
            status,
            (metadata, data) -> start(data),
            "text/csv",
            ".csv");
    progress.setId("import-progress");
    progress.setVisible(false);
    progress.getElement().setAttribute("aria-label", getTranslation("steward.import.heading"));
    errors.setId("import-errors");
    section.add(intro, upload, progress, status, errors);
    add(section);
  }

  private void start(byte[] file) {
    errors.removeAll();
    try {
      PatientImport.Started started = imports.start(caller, file);
      running = started.job().id();
    } catch (Refusal refusal) {
      status.setText(
          refusal.getMessage()
              + refusal.problems().stream()
                  .map(problem -> " " + problem.message())
                  .collect(Collectors.joining(";")));
      return;
    }
    runner.submit(running);
    progress.setVisible(true);
    progress.setValue(0);
    follow();
  }

  /** Reads the job once a second while it runs, and shows it. */
  private void follow() {
    getUI()
        .ifPresent(
            ui -> {
              if (polling == null) {
                ui.setPollInterval(1000);
                polling = ui.addPollListener(event -> show());
              }
            });
    show();
  }

  private void show() {
    if (running == null) {
      return;
    }
    ImportJob job = imports.job(caller, running).orElse(null);
    if (job == null) {
      return;
    }
    NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
    progress.setValue(job.total() == 0 ? 1 : (double) job.done() / job.total());
    String counts =
        getTranslation(
            "steward.import.counts",
            numbers.format(job.done()),
            numbers.format(job.total()),
            numbers.format(job.enrolled()),
            numbers.format(job.alreadyEnrolled()),
            numbers.format(job.errorCount()));
    status.setText(getTranslation("steward.import.state." + job.state().code()) + " " + counts);
    if (job.state().finished()) {
      job.failure().ifPresent(failure -> status.setText(status.getText() + " " + failure));
      errors.removeAll();
      job.errors().stream()
          .limit(SHOWN_ERRORS)
          .forEach(
              error ->
                  errors.add(
                      new ListItem(
                          getTranslation(
                              "steward.import.line",
                              numbers.format(error.line()),
                              problem(error.problem())))));
      if (job.errorCount() > SHOWN_ERRORS) {
        errors.add(
            new ListItem(
                getTranslation(
                    "steward.import.moreErrors", numbers.format(job.errorCount() - SHOWN_ERRORS))));
      }
      stopFollowing();
      running = null;
    }
  }

  private void stopFollowing() {
    if (polling != null) {
      polling.remove();
      polling = null;
      getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    if (running != null) {
      follow();
    }
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (polling != null) {
      polling.remove();
      polling = null;
      event.getUI().setPollInterval(-1);
    }
  }

  /** The line's problem in the steward's language; a code without a text is said in English. */
  private String problem(eu.clinnova.consent.registry.LineProblem problem) {
    if (!eu.clinnova.consent.registry.LineProblem.codes().contains(problem.code())) {
      return problem.message();
    }
    return getTranslation("steward.import.error." + problem.code(), problem.args().toArray());
  }
}
