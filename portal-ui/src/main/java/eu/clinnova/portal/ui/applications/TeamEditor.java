package eu.clinnova.portal.ui.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import eu.clinnova.workflow.application.TeamMember;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The research team on the application editor: a row per member (name, email, affiliation), one
 * empty row to start, rows added and removed; each change is saved. Rows left empty are not sent.
 */
final class TeamEditor extends Div {

  private final List<TextField[]> members = new ArrayList<>();
  private final Div rows = new Div();
  private final Runnable onChange;

  TeamEditor(List<TeamMember> team, Runnable onChange) {
    this.onChange = onChange;
    rows.setId("app-team");
    rows.add(new H3(getTranslation("application.field.team")));
    team.forEach(this::addMember);
    if (team.isEmpty()) {
      addMember(new TeamMember("", "", ""));
    }
    Button addMember = new Button(getTranslation("application.team.add"));
    addMember.setId("app-team-add");
    addMember.addClickListener(event -> addMember(new TeamMember("", "", "")));
    add(rows, addMember);
  }

  /** The members as the application document's {@code team}. */
  JsonArray json() {
    JsonArrayBuilder people = JSON.createArrayBuilder();
    for (TextField[] row : filled()) {
      people.add(
          JSON.createObjectBuilder()
              .add("name", row[0].getValue())
              .add("email", row[1].getValue())
              .add("affiliation", row[2].getValue()));
    }
    return people.build();
  }

  /** Every field, for clearing their errors. */
  List<TextField> fields() {
    List<TextField> fields = new ArrayList<>();
    members.forEach(row -> fields.addAll(List.of(row)));
    return fields;
  }

  private List<TextField[]> filled() {
    return members.stream()
        .filter(
            row ->
                !(row[0].getValue().isBlank()
                    && row[1].getValue().isBlank()
                    && row[2].getValue().isBlank()))
        .toList();
  }

  private void addMember(TeamMember member) {
    int index = members.size();
    TextField name =
        memberField("app-team-" + index + "-name", "application.team.name", member.name());
    TextField email =
        memberField("app-team-" + index + "-email", "application.team.email", member.email());
    TextField affiliation =
        memberField(
            "app-team-" + index + "-affiliation",
            "application.team.affiliation",
            member.affiliation());
    TextField[] row = {name, email, affiliation};
    members.add(row);
    Div line = new Div(name, email, affiliation);
    line.addClassName("portal-row");
    Button remove = new Button(getTranslation("application.team.remove"));
    remove.setId("app-team-" + index + "-remove");
    remove
        .getElement()
        .setAttribute("aria-label", getTranslation("application.team.removeLabel", index + 1));
    remove.addClickListener(
        event -> {
          members.remove(row);
          rows.remove(line);
          onChange.run();
        });
    line.add(remove);
    rows.add(line);
  }

  private TextField memberField(String id, String label, String value) {
    TextField field = new TextField(getTranslation(label));
    field.setId(id);
    field.setValue(value);
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.setValueChangeTimeout(700);
    field.addValueChangeListener(event -> onChange.run());
    return field;
  }

  /** The field a problem at {@code team[i].name} (and so on) is about, if it is shown. */
  Optional<HasValidation> field(String path) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("team\\[(\\d+)\\]\\.(\\w+)").matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(matcher.group(1));
    int column = List.of("name", "email", "affiliation").indexOf(matcher.group(2));
    List<TextField[]> filled = filled();
    return index < filled.size() && column >= 0
        ? Optional.of(filled.get(index)[column])
        : Optional.empty();
  }
}
