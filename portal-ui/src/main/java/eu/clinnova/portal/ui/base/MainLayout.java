package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import eu.clinnova.kernel.Caller;
import jakarta.inject.Inject;

/**
 * The frame of every page: a header (menu toggle, name of the portal, language, who is signed in,
 * sign out) and a navigation drawer listing only what the person's roles open. On a phone the
 * drawer folds behind the toggle.
 */
public class MainLayout extends AppLayout {

  @Inject
  public MainLayout(Navigation navigation) {
    setPrimarySection(Section.NAVBAR);
    DrawerToggle toggle = new DrawerToggle();
    toggle.setAriaLabel(getTranslation("nav.toggle"));

    Anchor title = new Anchor("", getTranslation("app.name"));
    title.addClassName("portal-title");
    Span spacer = new Span();
    spacer.addClassName("portal-spacer");
    LanguageSwitch language = new LanguageSwitch();
    language.addClassName("portal-language");

    Header header = new Header(toggle, title, spacer, language);
    header.addClassName("portal-header");
    SignedInUser.current().ifPresent(caller -> header.add(userName(caller)));
    Anchor logout = new Anchor("logout", getTranslation("user.logout"));
    logout.setRouterIgnore(true);
    logout.setId("logout");
    logout.addClassName("portal-logout");
    header.add(logout);
    addToNavbar(header);

    Nav nav = new Nav(navigation(navigation));
    nav.getElement().setAttribute("aria-label", getTranslation("nav.label"));
    addToDrawer(nav);
  }

  private Span userName(Caller caller) {
    Span name = new Span(caller.displayName());
    name.setId("signed-in-user");
    name.getElement().setAttribute("title", getTranslation("user.signedInAs", caller.username()));
    name.addClassName("portal-user");
    return name;
  }

  private SideNavItem item(Navigation.Entry entry) {
    SideNavItem item = new SideNavItem(getTranslation(entry.navigationKey()), entry.view());
    if (entry.waiting() > 0) {
      // Inside the item's link: read out with its label ("Notifications 3 new").
      Span hidden = new Span(" " + getTranslation("nav.waiting"));
      hidden.addClassName("portal-visually-hidden");
      Span badge = new Span(new Span(String.valueOf(entry.waiting())), hidden);
      badge.getElement().getThemeList().add("badge primary pill small");
      badge.setId("nav-waiting");
      item.setSuffixComponent(badge);
    }
    return item;
  }

  private SideNav navigation(Navigation navigation) {
    SideNav items = new SideNav();
    SignedInUser.current()
        .ifPresent(
            caller -> navigation.entriesFor(caller).forEach(entry -> items.addItem(item(entry))));
    return items;
  }
}
