package eu.clinnova.portal.ui.home;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import eu.clinnova.portal.ui.applications.ApplicationEditorView;
import eu.clinnova.portal.ui.applications.ApplicationsView;
import eu.clinnova.portal.ui.applications.NotificationsView;
import eu.clinnova.portal.ui.research.CatalogueView;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A researcher's work on their home page: what waits for them (unread notifications, applications
 * returned for changes, drafts to finish), their applications counted by state, and where to start.
 */
final class ResearcherWork extends Section {

  ResearcherWork(List<Application> mine, long unread) {
    setId("home-work");
    H2 next = new H2(getTranslation("home.next.heading"));
    next.setId("home-next-heading");
    UnorderedList steps = new UnorderedList();
    steps.setId("home-next");
    if (unread > 0) {
      steps.add(
          item(
              new RouterLink(
                  getTranslation("home.next.unread", String.valueOf(unread)),
                  NotificationsView.class)));
    }
    for (Application application : mine) {
      String title = application.document().title().orElse(getTranslation("applications.untitled"));
      String key =
          switch (application.state()) {
            case RETURNED -> "home.next.returned";
            case DRAFT -> "home.next.draft";
            default -> null;
          };
      if (key != null) {
        RouterLink link =
            new RouterLink(
                getTranslation(key, title),
                ApplicationEditorView.class,
                application.id().toString());
        link.setId("home-next-" + application.id());
        steps.add(item(link));
      }
    }
    add(next);
    if (steps.getChildren().findAny().isEmpty()) {
      add(new com.vaadin.flow.component.html.Paragraph(getTranslation("home.next.nothing")));
    } else {
      add(steps);
    }
    H2 states = new H2(getTranslation("home.researcher.applications"));
    states.setId("home-states-heading");
    UnorderedList counts = new UnorderedList();
    counts.setId("home-states");
    Map<ApplicationState, Integer> byState = new EnumMap<>(ApplicationState.class);
    mine.forEach(application -> byState.merge(application.state(), 1, Integer::sum));
    byState.forEach(
        (state, count) ->
            counts.add(
                new ListItem(
                    getTranslation(
                        "home.count",
                        capitalised(getTranslation("application.state." + state.code())),
                        String.valueOf(count)))));
    add(states);
    if (byState.isEmpty()) {
      add(new com.vaadin.flow.component.html.Paragraph(getTranslation("home.researcher.none")));
    } else {
      add(counts);
    }
    RouterLink all = new RouterLink(getTranslation("home.researcher.all"), ApplicationsView.class);
    all.setId("home-all-applications");
    RouterLink catalogue =
        new RouterLink(getTranslation("home.researcher.catalogue"), CatalogueView.class);
    catalogue.setId("home-catalogue");
    UnorderedList links = new UnorderedList(item(all), item(catalogue));
    links.setId("home-links");
    add(links);
  }

  private String capitalised(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(getLocale()) + text.substring(1);
  }

  private static ListItem item(com.vaadin.flow.component.Component content) {
    return new ListItem(content);
  }
}
