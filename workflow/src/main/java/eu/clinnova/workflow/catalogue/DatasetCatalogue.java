package eu.clinnova.workflow.catalogue;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
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
import java.util.List;
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
