package eu.clinnova.portal.ui.compliance;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.audit.verifier.VerificationReport;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * The current signed checkpoint and the verifier key, how to verify the log independently, and a
 * "verify now" that re-hashes every entry on the server, with progress. A checkpoint verified
 * earlier in the session is checked for consistency with the current one.
 */
@Route(value = "compliance/verify", layout = MainLayout.class)
@RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
public class LogVerificationView extends Main implements HasDynamicTitle {

  private static final String LAST_VERIFIED = LogVerificationView.class.getName() + ".lastVerified";

  private final LogVerifications verifications;
  private final ProgressBar progress = new ProgressBar();
  private final Paragraph progressText = new Paragraph();
  private final Section result = new Section();
  private final Button verify = new Button();

  @Inject
  public LogVerificationView(AuditLogService auditLog, LogVerifications verifications) {
    this.verifications = verifications;
    setId("log-verification");
    addClassName("portal-page");
    add(new H1(getTranslation("verify.title")), new Paragraph(getTranslation("verify.intro")));

    Pre checkpoint = new Pre(auditLog.checkpoint());
    checkpoint.setId("checkpoint");
    Pre key = new Pre(auditLog.verifierKey());
    key.setId("verifier-key");
    for (Pre pre : new Pre[] {checkpoint, key}) {
      pre.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
    }
    Pre command =
        new Pre(
            "java -cp audit.jar eu.clinnova.audit.verifier.VerifyLog \\\n"
                + "  --api <portal>/api/v1 --token-file token.txt \\\n"
                + "  --key '"
                + auditLog.verifierKey()
                + "' --state checkpoint.txt");
    command.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
    add(
        section("verify.checkpoint", checkpoint),
        section("verify.key", key, new Paragraph(getTranslation("verify.keyHelp")), command));

    verify.setText(getTranslation("verify.now"));
    verify.setId("verify-now");
    verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    verify.addClickListener(click -> start());
    progress.setVisible(false);
    progress.setId("verify-progress");
    progress.getElement().setAttribute("aria-label", getTranslation("verify.progress"));
    progressText.getElement().setAttribute("role", "status");
    result.setId("verify-result");
    add(section("verify.run", verify, progress, progressText, result));
  }

  private void start() {
    String saved = (String) VaadinSession.getCurrent().getAttribute(LAST_VERIFIED);
    LogVerifications.Run run = verifications.start(saved);
    UI ui = UI.getCurrent();
    verify.setEnabled(false);
    result.removeAll();
    progress.setVisible(true);
    progress.setValue(0);
    ui.setPollInterval(400);
    Registration[] polling = new Registration[1];
    polling[0] =
        ui.addPollListener(
            poll -> {
              double share =
                  run.total() == 0 ? 1 : Math.min(1, run.checked().get() / (double) run.total());
              progress.setValue(share);
              progressText.setText(
                  getTranslation("verify.checked", run.checked().get(), run.total()));
              if (run.report().isDone()) {
                ui.setPollInterval(-1);
                polling[0].remove();
                show(run.report().join());
              }
            });
  }

  private void show(VerificationReport report) {
    verify.setEnabled(true);
    progress.setValue(1);
    H2 heading = new H2(getTranslation(report.passed() ? "verify.passed" : "verify.failed"));
    heading.setId("verify-verdict");
    result.removeAll();
    result.add(
        heading,
        new Paragraph(
            getTranslation(
                "verify.summary",
                report.treeSize(),
                report.entriesChecked(),
                report.inclusionProofsChecked(),
                getTranslation(
                    report.consistencyChecked()
                        ? "verify.consistency.yes"
                        : "verify.consistency.no"))));
    if (!report.passed()) {
      UnorderedList problems = new UnorderedList();
      report.problems().forEach(problem -> problems.add(new ListItem(problem)));
      result.add(problems);
    } else {
      VaadinSession.getCurrent().setAttribute(LAST_VERIFIED, report.checkpoint());
    }
  }

  private Section section(String key, com.vaadin.flow.component.Component... content) {
    H2 heading = new H2(getTranslation(key));
    heading.setId(key.replace('.', '-'));
    Section section = new Section(heading);
    section.add(content);
    section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
    return section;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("verify.title") + " · " + getTranslation("app.name");
  }
}
