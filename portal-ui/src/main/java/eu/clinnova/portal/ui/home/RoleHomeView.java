package eu.clinnova.portal.ui.home;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.SignedInUser;
import java.util.stream.Collectors;

/**
 * A role's home page: what the portal lets this person do, and who the server thinks they are
 * (name, roles, jurisdictions, pseudonym), so a wrong account or role is seen at once.
 */
abstract class RoleHomeView extends Main implements HasDynamicTitle {

  private final String key;

  protected RoleHomeView(String key) {
    this.key = key;
    setId("home-" + key);
    getStyle().set("padding", "var(--lumo-space-m)").set("max-width", "60rem");
    add(new H1(getTranslation("home." + key + ".title")));
    add(new Paragraph(getTranslation("home." + key + ".intro")));
    SignedInUser.current().ifPresent(caller -> add(identity(caller)));
  }

  private Section identity(Caller caller) {
    DescriptionList details = new DescriptionList();
    details.setId("identity");
    details.addClassName("portal-details");
    term(details, "identity.name", caller.displayName());
    term(details, "identity.username", caller.username());
    term(
        details,
        "identity.roles",
        caller.roles().stream()
            .sorted()
            .map(Role::tokenName)
            .map(role -> getTranslation("role." + role))
            .collect(Collectors.joining(", ")));
    if (!caller.jurisdictions().isEmpty()) {
      term(
          details,
          "identity.jurisdictions",
          caller.jurisdictions().stream()
              .sorted()
              .map(jurisdiction -> getTranslation("jurisdiction." + jurisdiction.name()))
              .collect(Collectors.joining(", ")));
    }
    caller.psn().ifPresent(psn -> term(details, "identity.psn", psn));
    H2 heading = new H2(getTranslation("identity.heading"));
    heading.setId("identity-heading");
    Section section = new Section(heading, details);
    section.getElement().setAttribute("aria-labelledby", "identity-heading");
    return section;
  }

  private void term(DescriptionList list, String labelKey, String value) {
    list.add(
        new DescriptionList.Term(getTranslation(labelKey)),
        new DescriptionList.Description(
            value == null || value.isBlank() ? getTranslation("identity.none") : value));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("home." + key + ".title") + " · " + getTranslation("app.name");
  }
}
