package eu.clinnova.workflow.attention;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lapsed ethics approvals and quiet datasets, for administrators and compliance officers. */
@ApplicationScoped
public class NetworkAttention {

  /** How long a node may go without asking the gate about a dataset in use before it shows. */
  public static final Duration QUIET = Duration.ofDays(30);

  /** At most this many of each kind: the page links on to the full lists. */
  public static final int LIMIT = 50;

  private static final String LAPSED_ETHICS =
      "WITH active AS ("
          + " SELECT n.application_id, d.jurisdiction, count(*) AS entitlements"
          + " FROM workflow.entitlement n JOIN workflow.dataset d ON d.id = n.dataset_id"
          + " WHERE n.revoked_at IS NULL AND n.valid_from <= ?1 AND n.valid_until > ?1"
          + " GROUP BY n.application_id, d.jurisdiction),"
          // The gate's own rule: the latest approval of the jurisdiction, on the application or
          // on an approved amendment of it.
          + " latest AS ("
          + " SELECT DISTINCT ON (v.application_id, v.jurisdiction) v.application_id,"
          + " v.jurisdiction, e.reference, e.valid_until, v.entitlements"
          + " FROM active v JOIN workflow.ethics_approval e ON e.jurisdiction = v.jurisdiction"
          + " JOIN workflow.application x ON x.id = e.application_id"
          + " WHERE x.id = v.application_id OR (x.amends = v.application_id AND x.state = 'approved')"
          + " ORDER BY v.application_id, v.jurisdiction, e.added_at DESC, e.id DESC)"
          + " SELECT l.application_id, a.document->>'title', l.jurisdiction, l.reference,"
          + " l.valid_until, l.entitlements"
          + " FROM latest l JOIN workflow.application a ON a.id = l.application_id"
          + " WHERE l.valid_until < ?2 ORDER BY l.valid_until, l.application_id LIMIT ?3";

  private static final String QUIET_DATASETS =
      "SELECT d.id, d.title, d.jurisdiction, count(n.id),"
          + " (SELECT max(r.decided_at) FROM workflow.release r WHERE r.dataset_id = d.id)"
          + " FROM workflow.dataset d JOIN workflow.entitlement n ON n.dataset_id = d.id"
          + " AND n.revoked_at IS NULL AND n.valid_from <= ?1 AND n.valid_until > ?1"
          + " WHERE d.retired_at IS NULL GROUP BY d.id, d.title, d.jurisdiction"
          + " HAVING NOT EXISTS (SELECT 1 FROM workflow.release r WHERE r.dataset_id = d.id"
          + " AND r.decided_at >= ?2)"
          + " ORDER BY d.jurisdiction, d.id LIMIT ?3";

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  private final Clock clock;

  @Inject
  public NetworkAttention(Clock clock) {
    this.clock = clock;
  }

  /** Attention on the given entity manager (module tests). */
  public NetworkAttention(EntityManager entities, Clock clock) {
    this.entities = entities;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected NetworkAttention() {
    this((Clock) null);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<LapsedEthics> lapsedEthics(Caller caller) {
    check(caller);
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<?> rows =
        entities
            .createNativeQuery(LAPSED_ETHICS)
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, Date.valueOf(today))
            .setParameter(3, LIMIT)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new LapsedEthics(
                    (UUID) row[0],
                    row[1] == null ? "" : (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    localDate(row[4]),
                    ((Number) row[5]).intValue()))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<QuietDataset> quietDatasets(Caller caller) {
    check(caller);
    Instant now = clock.instant();
    List<?> rows =
        entities
            .createNativeQuery(QUIET_DATASETS)
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, Timestamp.from(now.minus(QUIET)))
            .setParameter(3, LIMIT)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new QuietDataset(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    ((Number) row[3]).intValue(),
                    Optional.ofNullable(row[4]).map(NetworkAttention::instant)))
        .toList();
  }

  private static void check(Caller caller) {
    if (!caller.hasAny(Role.ADMIN, Role.COMPLIANCE_OFFICER)) {
      throw Refusal.forbidden("The network's state is for administrators and compliance officers.");
    }
  }

  private static LocalDate localDate(Object value) {
    return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return (Instant) value;
  }
}
