package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.committee.Committee;
import eu.clinnova.workflow.committee.CommitteeRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An administrator sets each jurisdiction's committee rules: the quorum, and after how many days
 * members are reminded, the chair is alerted and the decision is due. Each change is a new version
 * (the page shows them all) and an audit entry.
 */
@Route(value = "admin/committees", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class CommitteesView extends Main implements HasDynamicTitle {

  // The four jurisdictions share Central European Time; the zone is shown with each time.

  private final CommitteeRules rules;
  private final Caller caller;

  @Inject
  public CommitteesView(CommitteeRules rules) {
    this.rules = rules;
    this.caller = SignedInUser.current().orElseThrow();
    setId("admin-committees");
    addClassName("portal-page");
    refresh(null, null);
  }

  /** The page again, with {@code notice} in the section of {@code jurisdiction}. */
  private void refresh(String jurisdiction, String notice) {
    removeAll();
    add(
        new H1(getTranslation("committees.title")),
        new Paragraph(getTranslation("committees.intro")));
    for (Committee committee : rules.current(caller)) {
      add(section(committee, committee.jurisdiction().equals(jurisdiction) ? notice : null));
    }
  }

  private Section section(Committee committee, String notice) {
    String code = committee.jurisdiction();
    Section section =
        Sections.labelled(
            "committee-" + code,
            getTranslation("committees.heading", getTranslation("jurisdiction." + code)),
            "portal-form");
    Paragraph status = Sections.status("committee-" + code + "-status");
    if (notice != null) {
      status.setText(notice);
    }
    Map<String, IntegerField> fields = new LinkedHashMap<>();
    fields.put("quorum", field(code, "quorum", committee.rules().quorum(), 1, 25));
    fields.put(
        "reminderDays", field(code, "reminderDays", committee.rules().reminderDays(), 1, 180));
    fields.put(
        "escalationDays",
        field(code, "escalationDays", committee.rules().escalationDays(), 1, 180));
    fields.put(
        "decisionDays", field(code, "decisionDays", committee.rules().decisionDays(), 1, 365));
    Button save = new Button(getTranslation("committees.save"));
    save.setId("committee-" + code + "-save");
    save.addClickListener(
        event -> {
          fields.values().forEach(field -> field.setInvalid(false));
          try {
            CommitteeRules.Changed changed =
                rules.change(
                    caller,
                    code,
                    new Committee.Rules(
                        value(fields.get("quorum")),
                        value(fields.get("reminderDays")),
                        value(fields.get("escalationDays")),
                        value(fields.get("decisionDays"))));
            refresh(
                code,
                changed.audit().isPresent()
                    ? getTranslation("committees.saved", changed.committee().version())
                    : getTranslation("committees.unchanged"));
          } catch (Refusal refusal) {
            status.setText(getTranslation("committees.invalid"));
            IntegerField first = null;
            for (FieldProblem problem : refusal.problems()) {
              IntegerField field = fields.get(problem.field());
              if (field != null) {
                field.setErrorMessage(getTranslation("committees.problem." + problem.field()));
                field.setInvalid(true);
                first = first == null ? field : first;
              }
            }
            if (first != null) {
              first.focus();
            }
          }
        });
    section.add(fields.values().toArray(IntegerField[]::new));
    section.add(save, status, history(code));
    return section;
  }

  private IntegerField field(String code, String name, int value, int min, int max) {
    IntegerField field = new IntegerField(getTranslation("committees." + name));
    field.setId("committee-" + code + "-" + name);
    field.setMin(min);
    field.setMax(max);
    field.setStepButtonsVisible(true);
    field.setValue(value);
    field.setRequired(true);
    return field;
  }

  /** An empty or unreadable field counts as 0, which every rule refuses at that field. */
  private static int value(IntegerField field) {
    return field.getValue() == null ? 0 : field.getValue();
  }

  private UnorderedList history(String code) {
    UnorderedList list = new UnorderedList();
    list.setId("committee-" + code + "-history");
    list.addClassName("portal-cards");
    for (Committee version : rules.history(caller, code)) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.add(
          new Paragraph(
              getTranslation(
                  "committees.version",
                  version.version(),
                  NetworkTime.dateTime(version.changedAt(), getLocale()))),
          new Paragraph(
              getTranslation(
                  "committees.rules",
                  version.rules().quorum(),
                  version.rules().reminderDays(),
                  version.rules().escalationDays(),
                  version.rules().decisionDays())));
      list.add(item);
    }
    return list;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("committees.title") + " · " + getTranslation("app.name");
  }
}
