package eu.clinnova.workflow.application;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.kernel.Jurisdiction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applications and what is appended to them (revisions, events, attachments, ethics approvals, the
 * jurisdictions' reviews), through the workflow unit.
 */
@ApplicationScoped
public class ApplicationStore {

  /** The most one list answers, as before the unit; the lists that show more will page. */
  static final int AT_MOST = 500;

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected ApplicationStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public ApplicationStore(EntityManager entities) {
    this.entities = entities;
  }

  public void insert(Application application) {
    entities.persist(new ApplicationRow(application));
    entities.flush();
  }

  /** Where the applicant works, once, when the application is created. */
  public void recordApplicantJurisdiction(UUID id, String jurisdiction) {
    row(id).applicantJurisdiction(jurisdiction);
    entities.flush();
  }

  /** Where the applicant works, if known. */
  public Optional<String> applicantJurisdiction(UUID id) {
    return Optional.ofNullable(entities.find(ApplicationRow.class, id))
        .flatMap(ApplicationRow::applicantJurisdiction);
  }

  public void update(Application application) {
    row(application.id()).update(application);
    entities.flush();
  }

  private ApplicationRow row(UUID id) {
    ApplicationRow row = entities.find(ApplicationRow.class, id);
    if (row == null) {
      throw new IllegalStateException("no application " + id);
    }
    return row;
  }

  /** The application; a discarded draft reads as absent. */
  public Optional<Application> find(UUID id) {
    return Optional.ofNullable(entities.find(ApplicationRow.class, id))
        .map(ApplicationRow::application)
        .filter(application -> application.state() != ApplicationState.DISCARDED);
  }

  /**
   * The application, locked until the transaction ends: changes to one application queue. Read
   * again under the lock, so that what it answers is what the last change committed.
   */
  public Optional<Application> lock(UUID id) {
    ApplicationRow row = entities.find(ApplicationRow.class, id);
    if (row == null) {
      return Optional.empty();
    }
    entities.refresh(row, LockModeType.PESSIMISTIC_WRITE);
    return Optional.of(row.application())
        .filter(application -> application.state() != ApplicationState.DISCARDED);
  }

  /** The amendments of an application, oldest first. */
  public List<Application> amendmentsOf(UUID id) {
    return applications(
        entities
            .createQuery(
                "SELECT a FROM ApplicationRow a WHERE a.amends = :id AND a.state <> 'discarded'"
                    + " ORDER BY a.createdAt",
                ApplicationRow.class)
            .setParameter("id", id)
            .getResultList());
  }

  public List<Application> ownedBy(String sub) {
    return applications(
        entities
            .createQuery(
                "SELECT a FROM ApplicationRow a WHERE a.ownerSub = :sub AND a.state <> 'discarded'"
                    + " ORDER BY a.updatedAt DESC",
                ApplicationRow.class)
            .setParameter("sub", sub)
            .setMaxResults(AT_MOST)
            .getResultList());
  }

  /** Every application in {@code state}, oldest first (the record of processing reads them all). */
  public List<Application> inState(ApplicationState state) {
    return applications(
        entities
            .createQuery(
                "SELECT a FROM ApplicationRow a WHERE a.state = :state ORDER BY a.createdAt, a.id",
                ApplicationRow.class)
            .setParameter("state", state.code())
            .getResultList());
  }

  /** Where a page of a listing ended: the next page starts after this application. */
  public record PageEnd(Instant updatedAt, UUID id) {

    /** Before everything: the first page. */
    static final PageEnd START =
        new PageEnd(Instant.parse("9999-12-31T00:00:00Z"), new UUID(-1L, -1L));

    public static PageEnd after(Application last) {
      return new PageEnd(last.updatedAt(), last.id());
    }
  }

  /**
   * The applications {@code scope} includes, most recently changed first, from after {@code end},
   * at most {@code limit}. {@link ApplicationAccess.Scope#includes} in SQL: whether an application
   * concerns one of the jurisdictions is PostgreSQL's array overlap {@code &&} (the GIN index),
   * which JPQL has no word for.
   */
  @SuppressWarnings("unchecked")
  public List<Application> visible(ApplicationAccess.Scope scope, PageEnd end, int limit) {
    return visible(scope, ApplicationFilter.NONE, end, limit);
  }

  /**
   * As {@link #visible(ApplicationAccess.Scope, PageEnd, int)}, narrowed by {@code filter}. An
   * absent part is bound as a value that lets everything through, so the statement stays one.
   */
  @SuppressWarnings("unchecked")
  public List<Application> visible(
      ApplicationAccess.Scope scope, ApplicationFilter filter, PageEnd end, int limit) {
    return applications(
        entities
            .createNativeQuery(
                "SELECT * FROM workflow.application"
                    + " WHERE state <> 'discarded' AND (owner_sub = ?1 OR (state <> 'draft'"
                    + "   AND (?2 OR jurisdictions && string_to_array(?3, ',')"
                    + "   OR (?12 <> '' AND EXISTS (SELECT 1 FROM"
                    + "     jsonb_array_elements(document->'team') AS member"
                    + "     WHERE lower(btrim(member->>'email')) = ?12)))))"
                    + " AND (updated_at, id) < (?4, ?5)"
                    + " AND (?6 = '' OR state = ?6)"
                    + " AND (?7 = '' OR ?7 = ANY (jurisdictions))"
                    + " AND (?8 = '' OR document->'datasets' @> jsonb_build_array(?8))"
                    + " AND updated_at >= ?9 AND updated_at < ?10"
                    + " AND (?11 = '' OR document->>'title' ILIKE ?11)"
                    + " ORDER BY updated_at DESC, id DESC",
                ApplicationRow.class)
            .setParameter(1, scope.owner())
            .setParameter(2, scope.allSubmitted())
            .setParameter(3, String.join(",", scope.jurisdictions()))
            .setParameter(4, end.updatedAt())
            .setParameter(5, end.id())
            .setParameter(6, filter.state().map(ApplicationState::code).orElse(""))
            .setParameter(7, filter.jurisdiction().orElse(""))
            .setParameter(8, filter.dataset().orElse(""))
            .setParameter(9, filter.changedFrom().orElse(EARLIEST))
            .setParameter(10, filter.changedBefore().orElse(PageEnd.START.updatedAt()))
            .setParameter(11, filter.titlePattern())
            .setParameter(12, scope.teamAddress())
            .setMaxResults(limit)
            .getResultList());
  }

  /** The network's order: LU, FR, DE, CH. */
  private static final Comparator<JurisdictionReview> BY_JURISDICTION =
      Comparator.comparing(
          (JurisdictionReview review) ->
              Jurisdiction.fromCode(review.jurisdiction())
                  .map(Enum::ordinal)
                  .orElse(Integer.MAX_VALUE));

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The jurisdictions' reviews of each application, in one query. */
  public Map<UUID, List<JurisdictionReview>> reviewsOf(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, List<JurisdictionReview>> reviews = new java.util.HashMap<>();
    entities
        .createQuery(
            "SELECT r FROM JurisdictionReviewRow r WHERE r.applicationId IN :ids",
            JurisdictionReviewRow.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(
            row ->
                reviews
                    .computeIfAbsent(row.applicationId(), id -> new java.util.ArrayList<>())
                    .add(row.review()));
    reviews.values().forEach(list -> list.sort(BY_JURISDICTION));
    return reviews;
  }

  private static List<Application> applications(List<ApplicationRow> rows) {
    return rows.stream().map(ApplicationRow::application).toList();
  }

  /** One factory: {@code Json.createReader} looks its provider up on every call (~0.3 ms). */
  private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

  static JsonObject json(String text) {
    try (var reader = READERS.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  // --- revisions -------------------------------------------------------------------------

  public void insertRevision(
      UUID applicationId, int revision, ApplicationDocument document, Instant at) {
    entities.persist(new ApplicationRevisionRow(applicationId, revision, document, at));
    entities.flush();
  }

  /** A submitted revision's document. */
  public Optional<ApplicationDocument> revision(UUID applicationId, int revision) {
    return Optional.ofNullable(
            entities.find(
                ApplicationRevisionRow.class,
                new ApplicationRevisionRow.Key(applicationId, revision)))
        .map(ApplicationRevisionRow::document);
  }

  // --- close-out -------------------------------------------------------------------------

  public void insertCloseOut(CloseOut report, String by) {
    entities.persist(new CloseOutRow(report, by));
    entities.flush();
  }

  public Optional<CloseOut> closeOut(UUID applicationId) {
    return Optional.ofNullable(entities.find(CloseOutRow.class, applicationId))
        .map(CloseOutRow::report);
  }

  // --- events ----------------------------------------------------------------------------

  public void insertEvent(UUID applicationId, ApplicationEvent event) {
    entities.persist(new ApplicationEventRow(applicationId, event));
    entities.flush();
  }

  /** Oldest first. */
  public List<ApplicationEvent> events(UUID applicationId) {
    return entities
        .createQuery(
            "SELECT e FROM ApplicationEventRow e WHERE e.applicationId = :id ORDER BY e.id",
            ApplicationEventRow.class)
        .setParameter("id", applicationId)
        .getResultList()
        .stream()
        .map(ApplicationEventRow::event)
        .toList();
  }

  // --- attachments -----------------------------------------------------------------------

  public void insertAttachment(ApplicationAttachment attachment, byte[] content, String by) {
    entities.persist(new ApplicationAttachmentRow(attachment, content, by));
    entities.flush();
  }

  /**
   * What each file is (not its bytes) with the kind the applicant gave it, oldest first; files
   * removed from the application are not among them.
   */
  public List<ApplicationAttachment> attachments(UUID applicationId) {
    Map<UUID, AttachmentChangeRow> latest = new HashMap<>();
    java.util.Set<UUID> removed = new java.util.HashSet<>();
    for (AttachmentChangeRow change :
        entities
            .createQuery(
                "SELECT c FROM AttachmentChangeRow c WHERE c.applicationId = :id ORDER BY c.id",
                AttachmentChangeRow.class)
            .setParameter("id", applicationId)
            .getResultList()) {
      if (change.removed()) {
        removed.add(change.attachmentId());
      } else {
        latest.put(change.attachmentId(), change);
      }
    }
    return uploaded(applicationId).stream()
        .filter(attachment -> !removed.contains(attachment.id()))
        .map(
            attachment ->
                attachment.withKind(
                    Optional.ofNullable(latest.get(attachment.id()))
                        .flatMap(change -> AttachmentKind.fromCode(change.kind()))))
        .toList();
  }

  /** Appends what changed about a file: its kind, or (kind null) its removal. */
  public void insertAttachmentChange(
      UUID applicationId, UUID attachmentId, AttachmentKind kind, Instant at, String by) {
    entities.persist(
        new AttachmentChangeRow(
            attachmentId, applicationId, kind == null ? null : kind.code(), kind == null, at, by));
    entities.flush();
  }

  private List<ApplicationAttachment> uploaded(UUID applicationId) {
    return entities
        .createQuery(
            "SELECT new eu.clinnova.workflow.application.ApplicationAttachment(a.id,"
                + " a.applicationId, a.fileName, a.mediaType, a.size, a.sha256, a.uploadedAt)"
                + " FROM ApplicationAttachmentRow a WHERE a.applicationId = :id"
                + " ORDER BY a.uploadedAt, a.id",
            ApplicationAttachment.class)
        .setParameter("id", applicationId)
        .getResultList();
  }

  /** The bytes of an attachment of this application. */
  public Optional<byte[]> attachmentContent(UUID applicationId, UUID attachmentId) {
    return entities
        .createQuery(
            "SELECT a.content FROM ApplicationAttachmentRow a"
                + " WHERE a.applicationId = :application AND a.id = :id",
            byte[].class)
        .setParameter("application", applicationId)
        .setParameter("id", attachmentId)
        .getResultStream()
        .findFirst();
  }

  // --- ethics approvals ------------------------------------------------------------------

  public void insertEthics(EthicsApproval approval, String by) {
    entities.persist(new EthicsApprovalRow(approval, by));
    entities.flush();
  }

  /** Oldest first. */
  public List<EthicsApproval> ethics(UUID applicationId) {
    return entities
        .createQuery(
            "SELECT e FROM EthicsApprovalRow e WHERE e.applicationId = :id"
                + " ORDER BY e.addedAt, e.id",
            EthicsApprovalRow.class)
        .setParameter("id", applicationId)
        .getResultList()
        .stream()
        .map(EthicsApprovalRow::approval)
        .toList();
  }

  /**
   * The ethics approvals an application can rest on: its own, and for an amendment also those of
   * the approved application it amends (the latest per jurisdiction counts).
   */
  public List<EthicsApproval> ethicsInForce(Application application) {
    List<EthicsApproval> all = new ArrayList<>();
    application.amends().ifPresent(amended -> all.addAll(ethics(amended)));
    all.addAll(ethics(application.id()));
    return all;
  }

  // --- jurisdictions' reviews ------------------------------------------------------------

  /** Creates or moves on the review of the jurisdiction. */
  public void saveReview(UUID applicationId, JurisdictionReview review) {
    JurisdictionReviewRow row =
        entities.find(
            JurisdictionReviewRow.class,
            new JurisdictionReviewRow.Key(applicationId, review.jurisdiction()));
    if (row == null) {
      row = new JurisdictionReviewRow(applicationId, review.jurisdiction());
      row.update(review);
      entities.persist(row);
    } else {
      row.update(review);
    }
    entities.flush();
  }

  /** In the network's order (LU, FR, DE, CH). */
  public List<JurisdictionReview> reviews(UUID applicationId) {
    return entities
        .createQuery(
            "SELECT r FROM JurisdictionReviewRow r WHERE r.applicationId = :id",
            JurisdictionReviewRow.class)
        .setParameter("id", applicationId)
        .getResultList()
        .stream()
        .map(JurisdictionReviewRow::review)
        .sorted(BY_JURISDICTION)
        .toList();
  }
}
