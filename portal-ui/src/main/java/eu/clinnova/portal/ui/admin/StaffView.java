package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.account.AccountDirectoryUnavailableException;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.identity.StaffAccount;
import eu.clinnova.portal.identity.StaffAccounts;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Staff accounts, as Keycloak has them: who holds which portal role in which jurisdiction, filtered
 * by role and jurisdiction; an administrator changes another person's roles and jurisdictions
 * (never their own), each change on the record.
 */
@Route(value = "admin/staff", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class StaffView extends Main implements HasDynamicTitle {

  private final StaffAccounts staff;
  private final Caller caller;
  private final Select<Optional<Role>> role = new Select<>();
  private final Select<Optional<Jurisdiction>> jurisdiction = new Select<>();
  private final UnorderedList list = new UnorderedList();
  private final com.vaadin.flow.component.html.Paragraph status = Sections.status("staff-status");
  private List<StaffAccount> accounts = List.of();

  @Inject
  public StaffView(StaffAccounts staff) {
    this.staff = staff;
    this.caller = SignedInUser.current().orElseThrow();
    setId("admin-staff");
    addClassName("portal-page");
    role.setLabel(getTranslation("staff.role"));
    role.setId("staff-role");
    List<Optional<Role>> roles = new java.util.ArrayList<>();
    roles.add(Optional.empty());
    StaffAccount.STAFF_ROLES.stream().sorted().forEach(r -> roles.add(Optional.of(r)));
    role.setItems(roles);
    role.setItemLabelGenerator(
        r -> r.map(this::roleName).orElse(getTranslation("steward.find.any")));
    role.setValue(Optional.empty());
    jurisdiction.setLabel(getTranslation("identity.jurisdictions"));
    jurisdiction.setId("staff-jurisdiction");
    List<Optional<Jurisdiction>> places = new java.util.ArrayList<>();
    places.add(Optional.empty());
    Arrays.stream(Jurisdiction.values()).forEach(j -> places.add(Optional.of(j)));
    jurisdiction.setItems(places);
    jurisdiction.setItemLabelGenerator(
        j ->
            j.map(code -> getTranslation("jurisdiction." + code.name()))
                .orElse(getTranslation("steward.find.any")));
    jurisdiction.setValue(Optional.empty());
    role.addValueChangeListener(event -> show());
    jurisdiction.addValueChangeListener(event -> show());
    Div filters = new Div(role, jurisdiction);
    filters.addClassName("portal-filters");
    list.setId("staff-list");
    list.addClassName("portal-cards");
    add(
        new H1(getTranslation("staff.title")),
        new Paragraph(getTranslation("staff.intro")),
        filters,
        status,
        list);
    load();
  }

  private void load() {
    try {
      accounts = staff.list(caller);
    } catch (AccountDirectoryUnavailableException e) {
      accounts = List.of();
      status.setText(getTranslation("staff.unavailable"));
    }
    show();
  }

  private void show() {
    list.removeAll();
    for (StaffAccount account : accounts) {
      if (role.getValue().map(r -> !account.roles().contains(r)).orElse(false)
          || jurisdiction.getValue().map(j -> !account.jurisdictions().contains(j)).orElse(false)) {
        continue;
      }
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.setId("staff-" + account.username());
      H2 name = new H2(account.name() + " (" + account.username() + ")");
      item.add(
          name,
          new Paragraph(
              account.roles().isEmpty()
                  ? getTranslation("staff.noRole")
                  : account.roles().stream()
                      .sorted()
                      .map(this::roleName)
                      .collect(Collectors.joining(", "))),
          new Paragraph(
              account.jurisdictions().isEmpty()
                  ? getTranslation("staff.noJurisdiction")
                  : account.jurisdictions().stream()
                      .sorted()
                      .map(j -> getTranslation("jurisdiction." + j.name()))
                      .collect(Collectors.joining(", "))));
      if (account.id().equals(caller.subject())) {
        item.add(new Paragraph(getTranslation("staff.self")));
      } else {
        Button change = new Button(getTranslation("staff.change"), event -> edit(account));
        change.setId("staff-change-" + account.username());
        // The accessible name starts with the visible text (WCAG 2.5.3), then says whose.
        change
            .getElement()
            .setAttribute("aria-label", getTranslation("staff.changeAria", account.name()));
        item.add(change);
      }
      list.add(item);
    }
  }

  private void edit(StaffAccount account) {
    Dialog dialog = new Dialog();
    dialog.setId("staff-dialog");
    H2 heading = new H2(getTranslation("staff.changeFor", account.name()));
    heading.setId("staff-dialog-title");
    dialog.getElement().setAttribute("aria-labelledby", "staff-dialog-title");
    CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("staff.roles"));
    roles.setId("staff-roles");
    roles.setItems(StaffAccount.STAFF_ROLES.stream().sorted().toList());
    roles.setItemLabelGenerator(this::roleName);
    roles.setValue(account.roles());
    CheckboxGroup<Jurisdiction> places =
        new CheckboxGroup<>(getTranslation("identity.jurisdictions"));
    places.setId("staff-places");
    places.setItems(Jurisdiction.values());
    places.setItemLabelGenerator(j -> getTranslation("jurisdiction." + j.name()));
    places.setValue(account.jurisdictions());
    Button save = new Button(getTranslation("staff.save"));
    save.setId("staff-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        event -> {
          try {
            List<String> changes =
                staff.set(
                    caller,
                    account.id(),
                    roles.getValue().isEmpty()
                        ? EnumSet.noneOf(Role.class)
                        : EnumSet.copyOf(roles.getValue()),
                    places.getValue().isEmpty()
                        ? EnumSet.noneOf(Jurisdiction.class)
                        : EnumSet.copyOf(places.getValue()));
            dialog.close();
            load();
            status.setText(
                changes.isEmpty()
                    ? getTranslation("staff.unchanged")
                    : getTranslation("staff.saved", account.name()));
          } catch (Refusal | AccountDirectoryUnavailableException e) {
            dialog.close();
            status.setText(
                e instanceof Refusal refusal
                    ? refusal.getMessage()
                    : getTranslation("staff.unavailable"));
          }
        });
    Button cancel = new Button(getTranslation("datasets.cancel"), event -> dialog.close());
    cancel.setId("staff-cancel");
    dialog.add(heading, roles, places);
    dialog.getFooter().add(cancel, save);
    dialog.open();
    cancel.focus();
  }

  private String roleName(Role role) {
    return getTranslation("role." + role.tokenName());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("staff.title") + " · " + getTranslation("app.name");
  }
}
