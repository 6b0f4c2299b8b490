package eu.clinnova.portal.ui.home;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.applications.NotificationsView;
import eu.clinnova.portal.ui.base.Navigation;
import eu.clinnova.portal.ui.settings.SettingsView;
import eu.clinnova.workflow.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The menu: each of the caller's homes, followed by the pages below it. */
@ApplicationScoped
public class HomeNavigation implements Navigation {

  /** The roles that receive notifications about applications. */
  static final List<Role> NOTIFIED =
      List.of(Role.RESEARCHER, Role.DATA_STEWARD, Role.DAC_MEMBER, Role.DAC_CHAIR, Role.ADMIN);

  @Inject Notifications notifications;

  @Override
  public List<Entry> entriesFor(Caller caller) {
    List<Entry> entries = new ArrayList<>();
    for (HomeViews.Home home : HomeViews.openTo(caller)) {
      entries.add(new Entry(home.navigationKey(), home.view()));
      home.pages().forEach(page -> entries.add(new Entry(page.navigationKey(), page.view())));
    }
    if (NOTIFIED.stream().anyMatch(caller::has)) {
      entries.add(
          new Entry("nav.notifications", NotificationsView.class, notifications.unread(caller)));
    }
    entries.add(new Entry("nav.settings", SettingsView.class));
    return entries;
  }
}
