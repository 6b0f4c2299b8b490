package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.workflow.notification.Notification;
import eu.clinnova.workflow.notification.Notifications;
import java.util.List;

/**
 * The newest notifications of the signed-in user, each naming its application and linking to it
 * (what came to a review group opens the review, what came to the person their own page), the
 * unread ones marked "new"; opening one marks it read. A link leads to all of them.
 */
final class NotificationsPanel {

  static final int SHOWN = 8;

  private NotificationsPanel() {}

  static Section of(Component page, Notifications notifications, Caller caller) {
    Section section =
        Sections.labelled("notifications", page.getTranslation("application.notifications"));
    List<Notification> newest = notifications.of(caller, SHOWN);
    if (newest.isEmpty()) {
      section.add(new Paragraph(page.getTranslation("application.notifications.none")));
      return section;
    }
    section.add(list(page, notifications, caller, newest));
    section.add(
        new Paragraph(
            new RouterLink(
                page.getTranslation("notifications.all", notifications.unread(caller)),
                NotificationsView.class)));
    return section;
  }

  /** The notifications as a list of links, unread ones first marked. */
  static UnorderedList list(
      Component page, Notifications notifications, Caller caller, List<Notification> shown) {
    UnorderedList list = new UnorderedList();
    list.setId("notification-list");
    list.addClassName("portal-notifications");
    for (Notification notification : shown) {
      RouterLink link = link(page, notification, caller);
      ListItem item = new ListItem();
      if (!notification.read()) {
        Span fresh = new Span(page.getTranslation("notifications.new"));
        fresh.getElement().getThemeList().add("badge primary small");
        fresh.addClassName("portal-notification-new");
        item.add(fresh, new Span(" "));
        item.addClassName("portal-notification-unread");
        link.getElement()
            .addEventListener("click", click -> notifications.markRead(caller, notification.id()));
      }
      item.add(link);
      list.add(item);
    }
    return list;
  }

  private static RouterLink link(Component page, Notification notification, Caller caller) {
    // To the person: about their own application; to one of their groups: an application to review.
    boolean reviewer = !notification.recipient().equals(caller.subject());
    String text =
        page.getTranslation("application.notification." + notification.kind())
            + eu.clinnova.portal.ui.base.Punctuation.colon(page)
            + eu.clinnova.portal.ui.base.Punctuation.quoted(
                page,
                notification.title().isBlank()
                    ? page.getTranslation("applications.untitled")
                    : notification.title())
            + notification
                .jurisdiction()
                // A jurisdiction's name carries its region in brackets: a separator, not more.
                .map(code -> " · " + ApplicationTexts.jurisdiction(page, code))
                .orElse("")
            + " · "
            + ApplicationTexts.time(page, notification.at());
    String id = notification.applicationId().toString();
    return reviewer
        ? new RouterLink(text, ReviewView.class, id)
        : new RouterLink(text, ApplicationEditorView.class, id);
  }
}
