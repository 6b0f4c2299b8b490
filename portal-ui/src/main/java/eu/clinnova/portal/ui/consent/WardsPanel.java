package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import java.util.List;

/** The children a guardian acts for, each a link to their consent page. */
public class WardsPanel extends Section {

  public WardsPanel(List<String> wards) {
    setId("wards");
    H2 heading = new H2(getTranslation("ward.list"));
    heading.setId("wards-heading");
    getElement().setAttribute("aria-labelledby", "wards-heading");
    UnorderedList list = new UnorderedList();
    for (String psn : wards) {
      list.add(
          new ListItem(
              new RouterLink(getTranslation("ward.title", psn), GuardianWardView.class, psn)));
    }
    add(heading, list);
  }
}
