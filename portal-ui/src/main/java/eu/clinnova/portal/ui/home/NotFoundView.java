package eu.clinnova.portal.ui.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Unknown pages and pages the person's roles do not open look the same, so that the UI does not
 * reveal what exists (access control turns a denial into "not found").
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends Main
    implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

  @Override
  public String getPageTitle() {
    return getTranslation("error.notFound.title") + " · " + getTranslation("app.name");
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    removeAll();
    setId("not-found");
    getStyle().set("padding", "var(--lumo-space-m)");
    add(
        new H1(getTranslation("error.notFound.title")),
        new Paragraph(getTranslation("error.notFound.text")),
        new Anchor("", getTranslation("error.notFound.home")));
    return HttpServletResponse.SC_NOT_FOUND;
  }
}
