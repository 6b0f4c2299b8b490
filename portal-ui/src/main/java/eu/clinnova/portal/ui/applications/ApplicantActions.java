package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.workflow.application.AgreementAcceptance;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationFile;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.Applications;
import eu.clinnova.workflow.application.Submissions;
import eu.clinnova.workflow.application.Withdrawals;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * An applicant's decisive steps on the application page: submit, accept the data access agreement,
 * start an amendment, withdraw. Part of {@link ApplicationEditorView}; a step shows the page again
 * (or the amendment's).
 */
final class ApplicantActions {

  private final Component host;
  private final Submissions submissions;
  private final AgreementAcceptance acceptance;
  private final Withdrawals withdrawals;
  private final Caller caller;
  private final UUID id;
  private final Runnable rerender;

  ApplicantActions(
      Component host,
      Submissions submissions,
      AgreementAcceptance acceptance,
      Withdrawals withdrawals,
      Caller caller,
      UUID id,
      Runnable rerender) {
    this.host = host;
    this.submissions = submissions;
    this.acceptance = acceptance;
    this.withdrawals = withdrawals;
    this.caller = caller;
    this.id = id;
    this.rerender = rerender;
  }

  /** Submits once {@code ready} says the page's own questions are answered. */
  Div submit(BooleanSupplier ready) {
    Paragraph result = Sections.status("submit-result");
    Button submit = new Button(host.getTranslation("application.submit"));
    submit.setId("app-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.addClickListener(
        event -> {
          if (!ready.getAsBoolean()) {
            return;
          }
          // Submitting cannot be undone by the applicant: say what happens next, then do it.
          Confirmation.open(
              host.getTranslation("application.submit.confirmTitle"),
              new Paragraph(host.getTranslation("application.submit.effect")),
              host.getTranslation("application.submit.confirm"),
              false,
              host.getTranslation("application.withdraw.cancel"),
              () -> {
                try {
                  submissions.submit(caller, id);
                  rerender.run();
                  com.vaadin.flow.component.notification.Notification done =
                      com.vaadin.flow.component.notification.Notification.show(
                          host.getTranslation("application.submit.done"),
                          8000,
                          com.vaadin.flow.component.notification.Notification.Position
                              .BOTTOM_START);
                  done.addThemeVariants(
                      com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
                } catch (Refusal refusal) {
                  result.setText(ApplicationTexts.refusal(host, refusal));
                }
              });
        });
    return new Div(submit, result);
  }

  /** The agreement to accept, introduced by {@code intro} (the applicant's or a team member's). */
  Section agreement(ApplicationFile file, String intro) {
    var agreement = file.agreement().orElseThrow();
    Section section = Sections.labelled("agreement", host.getTranslation("application.agreement"));
    Pre text = new Pre(agreement.text());
    text.setId("agreement-text");
    text.addClassName("portal-agreement");
    Paragraph digest =
        new Paragraph(
            host.getTranslation(
                "application.agreement.digest", agreement.version(), agreement.sha256()));
    Checkbox accept = new Checkbox(host.getTranslation("application.agreement.accept"));
    accept.setId("agreement-accept");
    Paragraph result = Sections.status("agreement-result");
    Button confirm = new Button(host.getTranslation("application.agreement.confirm"));
    confirm.setId("agreement-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    confirm.addClickListener(
        event -> {
          try {
            acceptance.acceptAgreement(
                caller,
                id,
                new AgreementAcceptance.Answer(
                    accept.getValue(), Optional.of(agreement.version())));
            rerender.run();
          } catch (Refusal refusal) {
            result.setText(
                accept.getValue()
                    ? ApplicationTexts.refusal(host, refusal)
                    : host.getTranslation("application.agreement.tick"));
          }
        });
    section.add(new Paragraph(intro), text, digest, accept, confirm, result);
    return section;
  }

  /** Amend (add datasets or team members) or renew (another period) the approved application. */
  Div amendOrRenew() {
    Paragraph result = Sections.status("amend-result");
    Button amend = new Button(host.getTranslation("application.amend"));
    amend.setId("app-amend");
    amend.addClickListener(event -> openLinked(result, () -> submissions.amend(caller, id)));
    Button renew = new Button(host.getTranslation("application.renew"));
    renew.setId("app-renew");
    renew.addClickListener(event -> openLinked(result, () -> submissions.renew(caller, id)));
    return new Div(
        new Paragraph(host.getTranslation("application.amend.intro")),
        amend,
        new Paragraph(host.getTranslation("application.renew.intro")),
        renew,
        result);
  }

  /** Starts the linked draft and opens it in the editor, or says why not. */
  private void openLinked(Paragraph result, Supplier<Applications.Changed> start) {
    try {
      UUID draft = start.get().application().id();
      host.getUI().ifPresent(ui -> ui.navigate(ApplicationEditorView.class, draft.toString()));
    } catch (Refusal refusal) {
      result.setText(ApplicationTexts.refusal(host, refusal));
    }
  }

  /**
   * The way out that fits where the application stands: a draft never submitted and holding no
   * document is deleted; another draft is closed; a submitted application is withdrawn, which ends
   * its review and revokes any access it gave. Each says so before it happens.
   */
  Div withdraw(ApplicationFile file, Applications applications) {
    Application application = file.application();
    boolean draft = application.state() == ApplicationState.DRAFT;
    boolean empty =
        draft
            && application.revision() == 0
            && file.attachments().isEmpty()
            && file.ethicsApprovals().isEmpty();
    String key =
        empty
            ? "application.discardDraft"
            : draft ? "application.closeDraft" : "application.withdraw";
    Button withdraw = new Button(host.getTranslation(key));
    withdraw.setId(empty ? "app-discard" : "app-withdraw");
    withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
    withdraw.addClickListener(
        event ->
            Confirmation.open(
                host.getTranslation(key + ".title"),
                new Paragraph(host.getTranslation(key + ".body")),
                host.getTranslation(key + ".confirm"),
                true,
                host.getTranslation("application.withdraw.cancel"),
                () -> {
                  if (empty) {
                    applications.discard(caller, id);
                    host.getUI().ifPresent(ui -> ui.navigate(ApplicationsView.class));
                  } else {
                    withdrawals.withdraw(caller, id);
                    rerender.run();
                  }
                }));
    return new Div(withdraw);
  }
}
