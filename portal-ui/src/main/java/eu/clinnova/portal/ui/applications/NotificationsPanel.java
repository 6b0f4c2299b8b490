package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.notification.Notification;
import java.util.List;

/** The newest notifications of the signed-in user, each linking to its application. */
final class NotificationsPanel {

  static final int SHOWN = 8;

  private NotificationsPanel() {}

  static Section of(
      com.vaadin.flow.component.Component page,
      ApplicationQueries queries,
      Caller caller,
      boolean reviewer) {
    Section section =
        Sections.labelled("notifications", page.getTranslation("application.notifications"));
    List<Notification> notifications = queries.notifications(caller, SHOWN);
    if (notifications.isEmpty()) {
      section.add(new Paragraph(page.getTranslation("application.notifications.none")));
      return section;
    }
    UnorderedList list = new UnorderedList();
    list.setId("notification-list");
    for (Notification notification : notifications) {
      String text =
          page.getTranslation("application.notification." + notification.kind())
              + notification
                  .jurisdiction()
                  .map(code -> " (" + ApplicationTexts.jurisdiction(page, code) + ")")
                  .orElse("")
              + " · "
              + ApplicationTexts.time(page, notification.at());
      RouterLink link =
          reviewer
              ? new RouterLink(text, ReviewView.class, notification.applicationId().toString())
              : new RouterLink(
                  text, ApplicationEditorView.class, notification.applicationId().toString());
      list.add(new ListItem(link));
    }
    section.add(list);
    return section;
  }
}
