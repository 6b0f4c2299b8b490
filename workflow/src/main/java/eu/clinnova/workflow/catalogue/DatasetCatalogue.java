package eu.clinnova.workflow.catalogue;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Actors;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue that researchers browse and administrators publish to. Publishing a dataset and its
 * audit entry commit together.
 */
@ApplicationScoped
public class DatasetCatalogue {

  /** What a publication did. */
  public sealed interface Outcome {
    record Published(Dataset dataset, PendingAudit audit) implements Outcome {}

    record Invalid(List<DatasetDocument.Problem> problems) implements Outcome {}

    record AlreadyExists() implements Outcome {}

    /** A new version in force, or the one in force already when nothing changed (no entry). */
    record Revised(CatalogueEntry entry, Optional<PendingAudit> audit) implements Outcome {}

    record NotFound() implements Outcome {}
  }

  private final AuditTrail auditLog;
  private final DatasetStore datasets;
  private final Clock clock;

  @Inject
  public DatasetCatalogue(AuditTrail auditLog, DatasetStore datasets, Clock clock) {
    this.auditLog = auditLog;
    this.datasets = datasets;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected DatasetCatalogue() {
    this(null, null, null);
  }

  /**
   * An administrator publishes a dataset (the API checks the role), parsed at the edge; it is
   * published now, by this service's clock.
   */
  @Transactional
  public Outcome publish(AuditEvent.Actor actor, DatasetDocument.Parsed parsed) {
    if (parsed instanceof DatasetDocument.Parsed.Invalid invalid) {
      return new Outcome.Invalid(invalid.problems());
    }
    Dataset dataset = ((DatasetDocument.Parsed.Valid) parsed).dataset().publishedAt(now());
    if (!datasets.insert(dataset, actor.sub())) {
      return new Outcome.AlreadyExists();
    }
    PendingAudit audit =
        auditLog.record(
            new AuditEvent(
                actor,
                "dataset.published",
                new AuditEvent.Subject("dataset", dataset.id()),
                DatasetDocument.auditData(dataset)));
    return new Outcome.Published(dataset, audit);
  }

  /**
   * An administrator publishes the next version of dataset {@code id}: its title, description, data
   * use, required modules, time limit and size may change; its id, jurisdiction and cohort (its
   * node and what it holds) may not. The release gate applies the version in force.
   */
  @Transactional
  public Outcome revise(Caller caller, String id, DatasetDocument.Parsed parsed) {
    requireAdmin(caller);
    Optional<CatalogueEntry> current = datasets.entry(id);
    if (current.isEmpty()) {
      return new Outcome.NotFound();
    }
    if (parsed instanceof DatasetDocument.Parsed.Invalid invalid) {
      return new Outcome.Invalid(invalid.problems());
    }
    Dataset dataset = ((DatasetDocument.Parsed.Valid) parsed).dataset();
    Dataset before = current.get().dataset();
    List<DatasetDocument.Problem> problems = new ArrayList<>();
    if (!dataset.id().equals(id)) {
      problems.add(new DatasetDocument.Problem("id", "must be the dataset's own id, " + id));
    }
    if (!dataset.jurisdiction().equals(before.jurisdiction())) {
      problems.add(
          new DatasetDocument.Problem(
              "jurisdiction",
              "cannot change: the dataset lives on the node of " + before.jurisdiction()));
    }
    if (!dataset.cohort().equals(before.cohort())) {
      problems.add(
          new DatasetDocument.Problem("cohort", "cannot change: publish another dataset instead"));
    }
    if (!problems.isEmpty()) {
      return new Outcome.Invalid(problems);
    }
    if (dataset.publishedAt(before.publishedAt()).equals(before)) {
      return new Outcome.Revised(current.get(), Optional.empty());
    }
    CatalogueEntry revised =
        datasets.nextVersion(dataset.publishedAt(now()), caller.subject()).orElseThrow();
    Map<String, Object> data = new LinkedHashMap<>(DatasetDocument.auditData(revised.dataset()));
    data.put("version", revised.version());
    return new Outcome.Revised(
        revised,
        Optional.of(
            auditLog.record(
                new AuditEvent(
                    Actors.of(caller, Role.ADMIN),
                    "dataset.revised",
                    new AuditEvent.Subject("dataset", id),
                    data))));
  }

  /**
   * An administrator retires dataset {@code id}: it takes no new applications, and the entitlements
   * already granted run out as granted. Retiring it again changes nothing (no entry).
   */
  @Transactional
  public Outcome retire(Caller caller, String id) {
    requireAdmin(caller);
    Optional<CatalogueEntry> before = datasets.entry(id);
    if (before.isEmpty()) {
      return new Outcome.NotFound();
    }
    if (before.get().retired()) {
      return new Outcome.Revised(before.get(), Optional.empty());
    }
    CatalogueEntry retired = datasets.retire(id, now(), caller.subject()).orElseThrow();
    return new Outcome.Revised(
        retired,
        Optional.of(
            auditLog.record(
                new AuditEvent(
                    Actors.of(caller, Role.ADMIN),
                    "dataset.retired",
                    new AuditEvent.Subject("dataset", id),
                    Map.of("version", retired.version())))));
  }

  /** The catalogue's entries (retired ones too when asked). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CatalogueEntry> entries(boolean withRetired) {
    return datasets.entries(null, null, withRetired);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<CatalogueEntry> entry(String id) {
    return datasets.entry(id);
  }

  /** Every version of the dataset, newest first (empty for an unknown id). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DatasetVersion> history(String id) {
    return datasets.history(id);
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.has(Role.ADMIN)) {
      throw Refusal.forbidden("Only an administrator changes the catalogue.");
    }
  }

  /** The seed catalogue (two datasets per node), published by the portal where missing. */
  @Transactional
  public void publishSeedCatalogue() {
    for (JsonValue value : seed()) {
      Outcome outcome =
          publish(AuditEvent.Actor.system(), DatasetDocument.parse(value.asJsonObject()));
      if (outcome instanceof Outcome.Invalid invalid) {
        throw new IllegalStateException("the seed catalogue is invalid: " + invalid.problems());
      }
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Dataset> list(String jurisdiction, String cohort) {
    return datasets.list(jurisdiction, cohort);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Dataset> find(String id) {
    return datasets.find(id);
  }

  /** The seed catalogue's documents. */
  public static List<JsonValue> seed() {
    try (InputStream in = DatasetCatalogue.class.getResourceAsStream("/catalogue/datasets.json");
        var reader = JSON.createReader(in)) {
      return new ArrayList<>(reader.readArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
