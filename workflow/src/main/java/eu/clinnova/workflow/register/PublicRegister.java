package eu.clinnova.workflow.register;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.Purpose;
import eu.clinnova.workflow.application.TeamMember;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public register of data uses (EHDS Art. 57-58; issue 20): every application once its
 * completeness check passed, with what it asks (title, lay summary, organisation, datasets,
 * purpose), where it stands, each jurisdiction's decision with its conditions and the chair's
 * reasons, and the access period. Read by anyone, without signing in: it names no patient, no
 * reviewer and no applicant, only the organisation the team gives.
 */
@ApplicationScoped
public class PublicRegister {

  /** At most this many projects per answer, newest submission first. */
  public static final int LIMIT = 500;

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected PublicRegister() {}

  public PublicRegister(EntityManager entities) {
    this.entities = entities;
  }

  /** A dataset as the register names it. */
  public record DatasetName(String id, String title, String jurisdiction) {}

  /** A jurisdiction's decision: its code, conditions if any, and the chair's reasons. */
  public record Decision(
      String jurisdiction,
      String decision,
      Optional<String> conditions,
      Optional<String> reasons) {}

  /** One entry of the register. */
  public record Project(
      UUID applicationId,
      String title,
      String laySummary,
      String organisation,
      List<DatasetName> datasets,
      String purpose,
      List<String> duo,
      String state,
      Instant submittedAt,
      Optional<Instant> decidedAt,
      List<Decision> decisions,
      Optional<Instant> accessUntil,
      Optional<String> results,
      List<String> publications) {}

  /** The projects whose title, lay summary, purpose or organisation contain every word of q. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Project> projects(Optional<String> q) {
    return find(q, Optional.empty());
  }

  /**
   * The register's entries of these applications, by id: what a patient's "who used my data" says
   * about the projects that received their data, in the same words anyone reads in the register.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Project> entries(java.util.Collection<UUID> applicationIds) {
    if (applicationIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Project> entries = new LinkedHashMap<>();
    find(Optional.empty(), Optional.of(List.copyOf(applicationIds)))
        .forEach(project -> entries.put(project.applicationId(), project));
    return entries;
  }

  private List<Project> find(Optional<String> q, Optional<List<UUID>> ids) {
    jakarta.persistence.Query query =
        entities.createNativeQuery(
            "SELECT a.id, a.document::text, a.state,"
                + " (SELECT min(e.at) FROM workflow.application_event e"
                + "   WHERE e.application_id = a.id AND e.kind = 'submitted') AS submitted,"
                + " (SELECT max(e.at) FROM workflow.application_event e"
                + "   WHERE e.application_id = a.id AND e.kind IN ('approved', 'rejected')),"
                + " (SELECT max(n.valid_until) FROM workflow.entitlement n"
                + "   WHERE n.application_id = a.id AND n.revoked_at IS NULL),"
                + " c.results, c.publications::text"
                + " FROM workflow.application a"
                + " LEFT JOIN workflow.close_out c ON c.application_id = a.id"
                + " WHERE a.state <> 'discarded' AND EXISTS (SELECT 1 FROM"
                + "   workflow.application_event e WHERE e.application_id = a.id"
                + "   AND e.kind = 'under-review')"
                + (ids.isPresent() ? " AND a.id = ANY (CAST(?1 AS uuid[]))" : "")
                + " ORDER BY submitted DESC, a.id");
    ids.ifPresent(list -> query.setParameter(1, uuidArray(list)));
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<String> words =
        q
            .map(text -> List.of(text.toLowerCase(Locale.ROOT).strip().split("\\s+")))
            .orElse(List.of())
            .stream()
            .filter(word -> !word.isEmpty())
            .toList();
    DatasetStore catalogue = new DatasetStore(entities);
    Map<String, DatasetName> names = new LinkedHashMap<>();
    List<Project> projects = new ArrayList<>();
    for (Object[] row : rows) {
      ApplicationDocument document;
      try (var reader = JSON.createReader(new StringReader((String) row[1]))) {
        document = ApplicationDocument.stored(reader.readObject());
      }
      String organisation =
          document.team().stream()
              .map(TeamMember::affiliation)
              .filter(affiliation -> affiliation != null && !affiliation.isBlank())
              .findFirst()
              .orElse("");
      String purpose = document.purpose().map(Purpose::description).orElse("");
      String title = document.title().orElse("");
      String summary = document.laySummary().orElse("");
      String haystack =
          (title + " " + summary + " " + purpose + " " + organisation).toLowerCase(Locale.ROOT);
      if (!words.stream().allMatch(haystack::contains)) {
        continue;
      }
      UUID id = (UUID) row[0];
      projects.add(
          new Project(
              id,
              title,
              summary,
              organisation,
              document.datasets().stream()
                  .map(
                      dataset ->
                          names.computeIfAbsent(
                              dataset,
                              key ->
                                  catalogue
                                      .find(key)
                                      .map(found -> name(found))
                                      .orElse(new DatasetName(key, key, ""))))
                  .toList(),
              purpose,
              document.purpose().map(Purpose::duo).orElse(List.of()),
              (String) row[2],
              instant(row[3]),
              Optional.ofNullable(row[4]).map(PublicRegister::instant),
              List.of(),
              Optional.ofNullable(row[5]).map(PublicRegister::instant),
              Optional.ofNullable((String) row[6]),
              row[7] == null ? List.of() : texts((String) row[7])));
      if (projects.size() == LIMIT) {
        break;
      }
    }
    // The decisions of every project listed, in one query (not one per project: the page is
    // public and answers anyone).
    Map<UUID, List<Decision>> decided =
        decisions(projects.stream().map(Project::applicationId).toList());
    return projects.stream()
        .map(
            project ->
                new Project(
                    project.applicationId(),
                    project.title(),
                    project.laySummary(),
                    project.organisation(),
                    project.datasets(),
                    project.purpose(),
                    project.duo(),
                    project.state(),
                    project.submittedAt(),
                    project.decidedAt(),
                    decided.getOrDefault(project.applicationId(), List.of()),
                    project.accessUntil(),
                    project.results(),
                    project.publications()))
        .toList();
  }

  private static List<String> texts(String array) {
    try (var reader = JSON.createReader(new StringReader(array))) {
      return reader.readArray().getValuesAs(jakarta.json.JsonString.class).stream()
          .map(jakarta.json.JsonString::getString)
          .toList();
    }
  }

  private Map<UUID, List<Decision>> decisions(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(
                "SELECT r.jurisdiction, r.decision, r.conditions,"
                    + " (SELECT e.comment FROM workflow.application_event e"
                    + "   WHERE e.application_id = r.application_id AND e.kind = 'committee-decided'"
                    + "   AND e.jurisdiction = r.jurisdiction ORDER BY e.id DESC LIMIT 1),"
                    + " r.application_id FROM workflow.jurisdiction_review r"
                    + " WHERE r.application_id = ANY (CAST(?1 AS uuid[])) AND r.decision IS NOT NULL"
                    + " ORDER BY r.application_id, r.jurisdiction")
            .setParameter(1, uuidArray(ids))
            .getResultList();
    Map<UUID, List<Decision>> decided = new LinkedHashMap<>();
    for (Object[] row : rows) {
      decided
          .computeIfAbsent((UUID) row[4], key -> new ArrayList<>())
          .add(
              new Decision(
                  (String) row[0],
                  (String) row[1],
                  Optional.ofNullable((String) row[2]).filter(text -> !text.isBlank()),
                  Optional.ofNullable((String) row[3]).filter(text -> !text.isBlank())));
    }
    return decided;
  }

  private static String uuidArray(List<UUID> ids) {
    return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
  }

  private static DatasetName name(Dataset dataset) {
    return new DatasetName(dataset.id(), dataset.title(), dataset.jurisdiction());
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }
}
