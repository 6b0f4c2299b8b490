package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.application.Applications;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;

/** A researcher's applications, newest change first, their notifications, and a new draft. */
@Route(value = "research/applications", layout = MainLayout.class)
@RolesAllowed(Role.Names.RESEARCHER)
public class ApplicationsView extends Main implements HasDynamicTitle {

  @Inject
  public ApplicationsView(Applications applications, ApplicationQueries queries) {
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
    create.addClickListener(
        event -> {
          try {
            Application draft =
                applications
                    .create(
                        caller,
                        caller.username(),
                        ApplicationDocument.parse(JsonValue.EMPTY_JSON_OBJECT))
                    .application();
            getUI()
                .ifPresent(ui -> ui.navigate(ApplicationEditorView.class, draft.id().toString()));
          } catch (Refusal refusal) {
            result.setText(ApplicationTexts.refusal(this, refusal));
          }
        });
    add(create, result);
    add(NotificationsPanel.of(this, queries, caller, false));
    List<Application> own = queries.own(caller);
    H2 heading = new H2(getTranslation("applications.mine", own.size()));
    heading.setId("applications-heading");
    UnorderedList cards = new UnorderedList();
    cards.setId("application-list");
    cards.addClassName("portal-cards");
    for (Application application : own) {
      ListItem card = new ListItem();
      card.addClassName("portal-card");
      card.setId("application-" + application.id());
      card.add(
          new RouterLink(
              application.document().title().orElse(getTranslation("applications.untitled")),
              ApplicationEditorView.class,
              application.id().toString()),
          new Paragraph(
              ApplicationTexts.state(this, application.state().code())
                  + " · "
                  + application.jurisdictions().stream()
                      .map(code -> ApplicationTexts.jurisdiction(this, code))
                      .collect(Collectors.joining(", "))
                  + " · "
                  + getTranslation(
                      "applications.updated",
                      ApplicationTexts.time(this, application.updatedAt()))));
      cards.add(card);
    }
    add(heading, cards);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("applications.title") + " · " + getTranslation("app.name");
  }
}
