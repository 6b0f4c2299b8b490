package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;

/** A section named by its heading (aria-labelledby), so screen readers list it as a region. */
public final class Sections {

  private Sections() {}

  /** A paragraph that screen readers announce when its text changes (role status). */
  public static com.vaadin.flow.component.html.Paragraph status(String id) {
    com.vaadin.flow.component.html.Paragraph status =
        new com.vaadin.flow.component.html.Paragraph();
    status.setId(id);
    status.getElement().setAttribute("role", "status");
    return status;
  }

  public static Section labelled(String id, String heading, String... classNames) {
    H2 title = new H2(heading);
    title.setId(id + "-heading");
    Section section = new Section(title);
    section.setId(id);
    section.addClassNames(classNames);
    section.getElement().setAttribute("aria-labelledby", id + "-heading");
    return section;
  }
}
