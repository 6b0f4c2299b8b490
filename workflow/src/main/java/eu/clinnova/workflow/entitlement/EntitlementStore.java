package eu.clinnova.workflow.entitlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Entitlements in {@code workflow.entitlement}, read with their dataset's jurisdiction and their
 * ethics approval's end, through the workflow unit.
 */
@ApplicationScoped
public class EntitlementStore {

  /** An entitlement with what it is read with; the rows are joined by id, not by association. */
  private static final String SELECT =
      "SELECT e, d.jurisdiction, x.validUntil FROM EntitlementRow e"
          + " JOIN DatasetRow d ON d.id = e.datasetId"
          + " JOIN EthicsApprovalRow x ON x.id = e.ethicsApprovalId";

  /** The most lapses the entitlement watch records at once; the rest at its next run. */
  static final int AT_MOST = 1000;

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected EntitlementStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public EntitlementStore(EntityManager entities) {
    this.entities = entities;
  }

  /** An entitlement granted as approved (its end is also the end the approval granted). */
  public void insert(Entitlement entitlement) {
    insert(entitlement, entitlement.validUntil());
  }

  /**
   * An entitlement whose end {@code validUntil} was cut short by its ethics approval's end; {@code
   * requestedUntil} is what the approval granted (a renewed ethics approval extends it up to that).
   */
  public void insert(Entitlement entitlement, Instant requestedUntil) {
    entities.persist(new EntitlementRow(entitlement, requestedUntil));
    entities.flush();
  }

  /**
   * The same access for a team member, as a new row: the same dataset, ethics approval, end and
   * requested end as {@code held}, for {@code member} from {@code from}.
   */
  public Entitlement share(Entitlement held, UUID id, String member, Instant from) {
    EntitlementRow source = entities.find(EntitlementRow.class, held.id());
    EntitlementRow shared = source.sharedWith(id, member, from);
    entities.persist(shared);
    entities.flush();
    return shared.entitlement(held.jurisdiction(), held.ethicsValidUntil());
  }

  /**
   * Revokes it, once: the row is read again under a lock, so that two revocations at the same
   * instant cannot both succeed. False if it was already revoked (or does not exist).
   */
  public boolean revoke(UUID id, Instant at, String by, String reason) {
    EntitlementRow row = entities.find(EntitlementRow.class, id);
    if (row == null) {
      return false;
    }
    entities.refresh(row, LockModeType.PESSIMISTIC_WRITE);
    boolean revoked = row.revoke(at, by, reason);
    entities.flush();
    return revoked;
  }

  /**
   * Rests the entitlement on a renewed ethics approval; answers the approval it rested on before,
   * or empty if it is revoked (nothing changes then).
   */
  public Optional<UUID> restOn(UUID id, UUID approval, java.time.LocalDate approvalEnds) {
    EntitlementRow row = entities.find(EntitlementRow.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null || row.isRevoked()) {
      return Optional.empty();
    }
    UUID before = row.ethicsApprovalId();
    row.restOn(approval, approvalEnds);
    entities.flush();
    return Optional.of(before);
  }

  /**
   * Unrevoked entitlements that have lapsed by {@code now} (ended, or their ethics approval ended
   * before today, UTC) and whose lapse has not been recorded with that status yet.
   */
  public List<Entitlement> unrecordedLapses(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return read(
        query(
                " WHERE e.revokedAt IS NULL AND (e.validUntil <= :now OR x.validUntil < :today)"
                    + " AND NOT EXISTS (SELECT 1 FROM EntitlementLapseRow l"
                    + "   WHERE l.entitlementId = e.id AND l.status ="
                    + "   CASE WHEN x.validUntil < :today THEN 'suspended' ELSE 'expired' END)"
                    + " ORDER BY e.validUntil")
            .setParameter("now", now)
            .setParameter("today", today)
            .setMaxResults(AT_MOST));
  }

  /**
   * The active entitlements that end within {@code days} from {@code now} and whose holder was not
   * yet warned for that many days (status {@code ending-<days>}), soonest end first.
   */
  public List<Entitlement> endingUnwarned(Instant now, int days) {
    return read(
        query(
                " WHERE e.revokedAt IS NULL AND e.validUntil > :now AND e.validUntil <= :horizon"
                    + " AND x.validUntil >= :today"
                    + " AND NOT EXISTS (SELECT 1 FROM EntitlementLapseRow l"
                    + "   WHERE l.entitlementId = e.id AND l.status IN (:warned, 'expired',"
                    + "   'suspended'))"
                    + " ORDER BY e.validUntil")
            .setParameter("now", now)
            .setParameter("horizon", now.plus(java.time.Duration.ofDays(days)))
            .setParameter("warned", "ending-" + days)
            .setParameter("today", LocalDate.ofInstant(now, ZoneOffset.UTC))
            .setMaxResults(AT_MOST));
  }

  /** Records a lapse with its status; nothing if it was recorded already. */
  public void recordLapse(UUID id, String status, Instant at) {
    if (entities.find(EntitlementLapseRow.class, new EntitlementLapseRow.Key(id, status)) == null) {
      entities.persist(new EntitlementLapseRow(id, status, at));
      entities.flush();
    }
  }

  public Optional<Entitlement> find(UUID id) {
    return read(query(" WHERE e.id = :id").setParameter("id", id)).stream().findFirst();
  }

  public List<Entitlement> ofApplication(UUID applicationId) {
    return read(
        query(" WHERE e.applicationId = :application ORDER BY d.jurisdiction, e.datasetId")
            .setParameter("application", applicationId));
  }

  public List<Entitlement> ofResearcher(String researcher) {
    return read(
        query(" WHERE e.researcher = :researcher ORDER BY e.validFrom DESC")
            .setParameter("researcher", researcher));
  }

  /** Where a page of a listing ended: the next page starts after this entitlement. */
  public record PageEnd(Instant validFrom, UUID id) {

    /** Before everything: the first page. */
    static final PageEnd START =
        new PageEnd(Instant.parse("9999-12-31T00:00:00Z"), new UUID(-1L, -1L));

    public static PageEnd after(Entitlement last) {
      return new PageEnd(last.validFrom(), last.id());
    }
  }

  /**
   * The entitlements {@code scope} includes, newest first, from after {@code end}, at most {@code
   * limit}: {@link EntitlementScope#includes} in a query.
   */
  public List<Entitlement> visible(EntitlementScope scope, PageEnd end, int limit) {
    return read(
        query(
                " WHERE (e.researcher = :researcher OR :everything = TRUE"
                    + "   OR d.jurisdiction IN :jurisdictions)"
                    + " AND (e.validFrom < :from OR (e.validFrom = :from AND e.id < :id))"
                    + " ORDER BY e.validFrom DESC, e.id DESC")
            .setParameter("researcher", scope.researcher())
            .setParameter("everything", scope.everything())
            // IN () is not SQL: a code no dataset has stands for none.
            .setParameter(
                "jurisdictions",
                scope.jurisdictions().isEmpty() ? Set.of("-") : scope.jurisdictions())
            .setParameter("from", end.validFrom())
            .setParameter("id", end.id())
            .setMaxResults(limit));
  }

  private TypedQuery<Object[]> query(String rest) {
    return entities.createQuery(SELECT + rest, Object[].class);
  }

  private static List<Entitlement> read(TypedQuery<Object[]> query) {
    return query.getResultList().stream()
        .map(row -> ((EntitlementRow) row[0]).entitlement((String) row[1], (LocalDate) row[2]))
        .toList();
  }
}
