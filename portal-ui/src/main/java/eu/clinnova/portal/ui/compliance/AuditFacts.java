package eu.clinnova.portal.ui.compliance;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import eu.clinnova.audit.log.StoredEntry;
import eu.clinnova.portal.identity.KeycloakStaff;
import eu.clinnova.portal.ui.base.ActorNames;
import eu.clinnova.portal.ui.base.NetworkTime;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An audit entry as a compliance officer reads it: what happened in words, who did it by name and
 * role (resolved from the identity provider when shown; the log keeps only ids), about what, when,
 * and each fact the entry records. The raw leaf stays one click away in the view.
 */
final class AuditFacts {

  /** The data fields that hold dataset ids (the log keeps ids; a reader wants titles too). */
  private static final java.util.Set<String> DATASET_FIELDS =
      java.util.Set.of("dataset", "datasetId", "datasets");

  private final Component host;
  private final ActorNames names;
  private final Map<String, String> datasetTitles;

  /**
   * @param datasetTitles each dataset's title by id, retired ones too (an old entry may name one)
   */
  AuditFacts(Component host, KeycloakStaff staff, Map<String, String> datasetTitles) {
    this.host = host;
    this.names = new ActorNames(staff);
    this.datasetTitles = Map.copyOf(datasetTitles);
  }

  /** "Consent recorded", or the action's code where it has no words yet. */
  String action(String action) {
    return text("audit.action." + action).orElse(action);
  }

  /** "Dora Steward (data steward)", or the role and id where the account is not staff's. */
  String actor(String role, String sub) {
    String roleName = text("role." + role).orElse(role);
    return names
        .name(sub)
        .map(name -> host.getTranslation("audit.actorNamed", name, roleName))
        .orElseGet(() -> host.getTranslation("audit.actorId", roleName, sub));
  }

  /** The entry's facts: what, when, who, about what, then each recorded datum. */
  DescriptionList facts(StoredEntry entry) {
    DescriptionList facts = new DescriptionList();
    facts.setId("entry-facts");
    facts.addClassName("portal-details");
    Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
    term(facts, "audit.fact.what", action(entry.action()) + " (" + entry.action() + ")");
    term(facts, "audit.fact.when", NetworkTime.dateTime(entry.time(), locale));
    term(facts, "audit.fact.who", actor(entry.actorRole(), entry.actorSub()));
    term(
        facts,
        "audit.fact.about",
        entry.subjectType()
            + " "
            + ("dataset".equals(entry.subjectType())
                ? dataset(entry.subjectId())
                : entry.subjectId()));
    data(entry)
        .forEach(
            (name, value) ->
                facts.add(
                    new DescriptionList.Term(name),
                    new DescriptionList.Description(
                        DATASET_FIELDS.contains(name) ? datasets(value) : words(value))));
    return facts;
  }

  /** "IBD clinical cohort (lu-ibd-clinical)": the title to read, the id to compare with logs. */
  private String dataset(String id) {
    String title = datasetTitles.get(id);
    return title == null ? id : title + " (" + id + ")";
  }

  private String datasets(JsonValue value) {
    if (value instanceof JsonString id) {
      return dataset(id.getString());
    }
    if (value instanceof jakarta.json.JsonArray ids
        && ids.stream().allMatch(JsonString.class::isInstance)) {
      return ids.getValuesAs(JsonString.class).stream()
          .map(id -> dataset(id.getString()))
          .collect(java.util.stream.Collectors.joining("; "));
    }
    return words(value);
  }

  private static Map<String, JsonValue> data(StoredEntry entry) {
    try (var reader =
        JSON.createReader(new StringReader(new String(entry.leaf(), StandardCharsets.UTF_8)))) {
      JsonValue leaf = reader.readValue();
      if (leaf instanceof JsonObject object && object.get("data") instanceof JsonObject data) {
        return data;
      }
    } catch (RuntimeException e) {
      // A leaf that is not JSON is shown raw only (the view below says whether it verifies).
    }
    return Map.of();
  }

  private static String words(JsonValue value) {
    return value instanceof JsonString text ? text.getString() : value.toString();
  }

  private void term(DescriptionList list, String key, String value) {
    list.add(
        new DescriptionList.Term(host.getTranslation(key)), new DescriptionList.Description(value));
  }

  private java.util.Optional<String> text(String key) {
    I18NProvider provider = VaadinService.getCurrent().getInstantiator().getI18NProvider();
    String text =
        provider.getTranslation(key, com.vaadin.flow.component.UI.getCurrent().getLocale());
    return text == null || text.startsWith("!")
        ? java.util.Optional.empty()
        : java.util.Optional.of(text);
  }
}
