package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.Applications;
import eu.clinnova.workflow.catalogue.DatasetCatalogue;
import eu.clinnova.workflow.notification.Notifications;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** A researcher's applications, newest change first, their notifications, and a new draft. */
@Route(value = "research/applications", layout = MainLayout.class)
@RolesAllowed(Role.Names.RESEARCHER)
public class ApplicationsView extends Main implements HasDynamicTitle {

  @Inject
  public ApplicationsView(
      Applications applications,
      ApplicationQueries queries,
      DatasetCatalogue catalogue,
      Notifications notifications) {
    setId("applications");
    addClassName("portal-page");
    Caller caller = SignedInUser.current().orElseThrow();
    add(
        new H1(getTranslation("applications.title")),
        new Paragraph(getTranslation("applications.intro")));
    Paragraph result = Sections.status("applications-result");
    Button create = new Button(getTranslation("applications.new"));
    create.setId("application-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    // The editor opens empty; the draft exists once something is typed (issue 21).
    create.addClickListener(
        event ->
            getUI()
                .ifPresent(
                    ui -> ui.navigate(ApplicationEditorView.class, ApplicationEditorView.NEW)));
    add(create, result);
    add(NotificationsPanel.of(this, notifications, caller));
    H2 heading = new H2(getTranslation("applications.mineHeading"));
    heading.setId("applications-heading");
    add(
        heading,
        new ApplicationListing(
            queries,
            caller,
            catalogue.entries(true),
            java.util.Arrays.stream(ApplicationState.values())
                .filter(state -> state != ApplicationState.DISCARDED)
                .toList(),
            java.util.Optional.empty(),
            new ApplicationListing.Card() {
              @Override
              public Component title(Application application) {
                Component link = ApplicationListing.link(ApplicationsView.this, application, true);
                if (application.isOwnedBy(caller.subject())) {
                  return link;
                }
                // Another researcher's application that names this one in its team (ADR 0027).
                com.vaadin.flow.component.html.Span badge =
                    new com.vaadin.flow.component.html.Span(
                        getTranslation("applications.teamBadge"));
                badge.getElement().getThemeList().add("badge contrast");
                badge.setId("team-badge-" + application.id());
                return new com.vaadin.flow.component.html.Span(
                    link, new com.vaadin.flow.component.Text(" "), badge);
              }

              @Override
              public java.util.Optional<Component> action(
                  Application application, Runnable refresh) {
                if (application.state() != ApplicationState.DRAFT || application.revision() != 0) {
                  return java.util.Optional.empty();
                }
                return java.util.Optional.of(discard(applications, caller, application, refresh));
              }
            }));
  }

  /** Deleting a draft never submitted: confirmed first; one holding a document says why not. */
  private Component discard(
      Applications applications, Caller caller, Application application, Runnable refresh) {
    Button delete = new Button(getTranslation("applications.discard"));
    delete.setId("discard-" + application.id());
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    Paragraph result = Sections.status("discard-result-" + application.id());
    delete.addClickListener(
        event ->
            Confirmation.open(
                getTranslation(
                    "applications.discardConfirm",
                    application.document().title().orElse(getTranslation("applications.untitled"))),
                new Paragraph(getTranslation("applications.discardEffect")),
                getTranslation("applications.discard"),
                true,
                getTranslation("datasets.cancel"),
                () -> {
                  try {
                    applications.discard(caller, application.id());
                    refresh.run();
                  } catch (Refusal refusal) {
                    result.setText(
                        "draft-not-empty".equals(refusal.code())
                            ? getTranslation("applications.discardRefused")
                            : ApplicationTexts.refusal(this, refusal));
                  }
                }));
    return new com.vaadin.flow.component.html.Div(delete, result);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("applications.title") + " · " + getTranslation("app.name");
  }
}
