package eu.clinnova.portal.ui.home;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.PermitAll;

/** The portal's address: sends each person to their role's home, or says they have none. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class StartView extends Main implements BeforeEnterObserver, HasDynamicTitle {

  public StartView() {
    add(
        new H1(getTranslation("home.none.title")),
        new Paragraph(getTranslation("home.none.intro")));
    getStyle().set("padding", "var(--lumo-space-m)");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInUser.current()
        .flatMap(HomeViews::firstFor)
        .ifPresent(home -> event.forwardTo(home.view()));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("home.none.title") + " · " + getTranslation("app.name");
  }
}
