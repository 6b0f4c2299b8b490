package eu.clinnova.portal.ui.applications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.notification.Notification;
import eu.clinnova.workflow.notification.Notifications;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;

/**
 * All of a person's notifications about applications (the newest 50), unread ones marked, with a
 * button that marks them all read.
 */
@Route(value = "notifications", layout = eu.clinnova.portal.ui.base.MainLayout.class)
@RolesAllowed({
  Role.Names.RESEARCHER,
  Role.Names.DATA_STEWARD,
  Role.Names.DAC_MEMBER,
  Role.Names.DAC_CHAIR,
  Role.Names.ADMIN
})
public class NotificationsView extends Main implements HasDynamicTitle {

  static final int SHOWN = 50;

  private final Notifications notifications;
  private final Caller caller;

  @Inject
  public NotificationsView(Notifications notifications) {
    this.notifications = notifications;
    this.caller = SignedInUser.current().orElseThrow();
    setId("notifications-page");
    addClassName("portal-page");
    show();
  }

  private void show() {
    removeAll();
    add(new H1(getTranslation("notifications.title")));
    long unread = notifications.unread(caller);
    Paragraph summary = new Paragraph(getTranslation("notifications.summary", unread));
    summary.setId("notifications-summary");
    summary.getElement().setAttribute("role", "status");
    add(summary);
    List<Notification> shown = notifications.of(caller, SHOWN);
    if (shown.isEmpty()) {
      add(new Paragraph(getTranslation("application.notifications.none")));
      return;
    }
    if (unread > 0) {
      Button all = new Button(getTranslation("notifications.markAll"));
      all.setId("notifications-mark-all");
      all.addClickListener(
          click -> {
            notifications.markAllRead(caller);
            show();
          });
      add(all);
    }
    add(NotificationsPanel.list(this, notifications, caller, shown));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("notifications.title") + " · " + getTranslation("app.name");
  }
}
