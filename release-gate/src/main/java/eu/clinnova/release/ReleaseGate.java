package eu.clinnova.release;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.audit.log.TransactionIds;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.audit.subjects.SubjectCommitments;
import eu.clinnova.audit.subjects.SubjectTree;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.ConsentQueries.PatientState;
import eu.clinnova.consent.application.DisclosureRecording;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ModulesNeeded;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.entitlement.Entitlement;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * The release gate. One decision is one transaction: it reads everything the rules need in one
 * REPEATABLE READ snapshot (so a withdrawal committed before the request is seen, and nothing
 * committed later half-seen), decides, has the audit log commit the decision durably, then records
 * the release, its denials and the patients' disclosures with the entry's index, and signs the
 * token. If the log cannot be written nothing is recorded and nothing permitted (ADR 0012).
 */
@ApplicationScoped
public class ReleaseGate {

  /** Who asks: the node's client id and the jurisdiction it serves. */
  public record AskingNode(String clientId, String jurisdiction) {}

  /** What the node is told. The token is absent when the decision is deny. */
  public record Answer(
      Release release,
      List<String> permitted,
      List<Release.Denial> denied,
      Optional<String> token,
      LoggedEntry audit,
      List<byte[]> inclusionProof) {}

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  @Inject AuditLogService auditLog;
  @Inject ConsentQueries consent;
  @Inject ReleaseSigning signing;

  private final ReleaseStore releases = new ReleaseStore();
  private final DisclosureRecording disclosures = new DisclosureRecording();
  @Inject Clock clock;
  private static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();
  private final Map<String, Dataset> published = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Decides {@code request} for {@code node}; {@code issuer} names this portal in the token.
   *
   * @throws Refusal 403 {@code wrong-node} for another jurisdiction's dataset (whether or not the
   *     application exists), 404 for an unknown dataset or an application the node cannot see;
   *     nothing is recorded then
   * @throws eu.clinnova.audit.log.AuditLogUnavailableException if the decision cannot be logged
   * @throws GateUnavailableException if the database cannot be read or written
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Answer decide(AskingNode node, ReleaseRequest request, String issuer) {
    UUID releaseId = UUID.randomUUID();
    // Sorted for the digests, and committed to for the subject tree, while the database reads (a
    // large request, on other cores).
    CompletableFuture<SubjectDigests> digests = SubjectDigests.of(request.subjects());
    CompletableFuture<SubjectCommitments> commitments =
        request.subjects().size() >= SubjectDigests.IN_BACKGROUND_FROM
            ? CompletableFuture.supplyAsync(
                () -> SubjectCommitments.of(releaseId.toString(), request.subjects()))
            : CompletableFuture.completedFuture(
                SubjectCommitments.of(releaseId.toString(), request.subjects()));
    try (Connection connection = dataSource.getConnection()) {
      try (Statement snapshot = connection.createStatement()) {
        snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      }
      // The first read takes the snapshot; the log gets it, so that the compliance replay knows
      // which consent changes this decision could see (their entries carry their transaction).
      String snapshot = TransactionIds.snapshot(connection);
      // The dataset first (the catalogue is public): another node's dataset is refused the same
      // way whether the application named exists or not, so that the answer does not tell which
      // application ids exist.
      Dataset dataset = dataset(connection, request.datasetId());
      if (!dataset.jurisdiction().equals(node.jurisdiction())) {
        throw new Refusal(
            Refusal.Kind.FORBIDDEN,
            ReleaseRules.WRONG_NODE,
            "The dataset "
                + dataset.id()
                + " is held by "
                + dataset.node()
                + "; a node asks only for its own datasets.",
            List.of());
      }
      Application application =
          SnapshotReads.application(connection, request.applicationId())
              .orElseThrow(() -> Refusal.notFound("No such application."));
      // The decision's instant is taken once the snapshot exists: every commit it sees happened
      // before this instant, so "as of the decision" and "in the snapshot" agree.
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Set<ConsentModule> modules = modulesNeeded(connection, application, dataset);
      // A large request's subjects are being read on a second connection, in this snapshot,
      // while this one reads the rest of the grounds; this one joins in once they allow it.
      ConsentQueries.PendingStates pending =
          consent.startStatesOf(
              connection, request.subjects(), now, dataset.jurisdiction(), modules);
      try {
        List<Entitlement> granted = SnapshotReads.entitlementsOf(connection, application.id());
        if (!concerns(application, granted, node.jurisdiction())) {
          throw Refusal.notFound("No such application.");
        }
        ReleaseRules.Grounds grounds =
            new ReleaseRules.Grounds(
                dataset,
                entitlementFor(granted, dataset, request.recipient(), now),
                SnapshotReads.agreementAccepted(connection, application.id(), request.recipient()),
                SnapshotReads.latestEthics(connection, application, dataset.jurisdiction()),
                modules);
        Map<String, PatientState> states =
            ReleaseRules.wholeRequest(grounds, now).isEmpty()
                ? pending.finish(connection)
                : Map.of();
        ReleaseOutcome outcome = ReleaseOutcome.of(grounds, request.subjects(), states, now);
        return record(
            connection,
            node,
            request,
            application,
            grounds,
            outcome,
            new Committed(releaseId, snapshot, digests.join(), commitments.join()),
            now,
            issuer);
      } finally {
        pending.abandon();
      }
    } catch (SQLException e) {
      throw new GateUnavailableException("the release gate cannot read or record", e);
    }
  }

  private Answer record(
      Connection connection,
      AskingNode node,
      ReleaseRequest request,
      Application application,
      ReleaseRules.Grounds grounds,
      ReleaseOutcome outcome,
      Committed committed,
      Instant now,
      String issuer)
      throws SQLException {
    UUID releaseId = committed.releaseId();
    SubjectDigests digests = committed.digests();
    Release.Decision decision = outcome.decision(request.subjects().size());
    Optional<Instant> tokenExpires =
        decision == Release.Decision.DENY
            ? Optional.empty()
            : Optional.of(tokenExpiry(grounds, now));
    List<String> modules = grounds.modulesNeeded().stream().map(ConsentModule::code).toList();
    String requestedSha256 = digests.requested();
    String permittedSha256 = digests.permitted(outcome.permitted());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("node", node.clientId());
    facts.put("applicationId", application.id().toString());
    facts.put("datasetId", grounds.dataset().id());
    facts.put("recipient", request.recipient());
    facts.put("decision", decision.code());
    facts.put("reasons", outcome.reasons());
    facts.put("modules", modules);
    facts.put("requested", request.subjects().size());
    facts.put("permitted", outcome.permitted().size());
    facts.put("denials", new LinkedHashMap<String, Object>(outcome.denialCounts()));
    facts.put("requestedSha256", requestedSha256);
    facts.put("permittedSha256", permittedSha256);
    String subjectsRoot = subjectsRoot(committed.commitments(), outcome);
    facts.put("subjectsRoot", subjectsRoot);
    facts.put("decidedAt", now.toString());
    facts.put("snapshot", committed.snapshot());
    // Durable first: once this returns the decision is in the log whatever happens next; if it
    // throws, the transaction rolls back and the node is told 503.

    LoggedEntry logged =
        auditLog.recordDurably(
            new AuditEvent(
                new AuditEvent.Actor(node.clientId(), Role.Names.NODE),
                "release.decided",
                new AuditEvent.Subject("release", releaseId.toString()),
                facts));

    Release release =
        new Release(
            releaseId,
            node.clientId(),
            application.id(),
            grounds.dataset().id(),
            grounds.dataset().jurisdiction(),
            request.recipient(),
            decision,
            outcome.reasons(),
            modules,
            request.subjects().size(),
            outcome.permitted().size(),
            outcome.denialCounts(),
            requestedSha256,
            permittedSha256,
            now,
            tokenExpires,
            logged.index(),
            Optional.of(subjectsRoot));
    releases.insert(connection, release);

    releases.insertDenials(connection, releaseId, outcome.denied());

    disclosures.record(
        connection,
        new Disclosure(
            releaseId.toString(),
            application.id().toString(),
            application.document().title().orElse(""),
            grounds.dataset().id(),
            node.clientId(),
            now,
            logged.index()),
        outcome.permitted());

    Optional<String> token =
        tokenExpires.map(
            expires ->
                ReleaseToken.sign(
                    signing.current(),
                    new ReleaseToken.Claims(
                        issuer,
                        node.clientId(),
                        now,
                        Duration.between(now, expires),
                        releaseId,
                        application.id(),
                        grounds.dataset().id(),
                        request.recipient(),
                        permittedSha256,
                        logged.index())));

    return new Answer(
        release,
        outcome.permitted(),
        outcome.denied(),
        token,
        logged,
        auditLog.inclusionProof(logged.index(), logged.treeSize()));
  }

  /** What the decision commits to about its subjects, computed while the database read. */
  private record Committed(
      UUID releaseId, String snapshot, SubjectDigests digests, SubjectCommitments commitments) {}

  /**
   * The root of the release's subject tree (the contract's {@code subjectsRoot}): every subject
   * asked for, with its outcome.
   */
  static String subjectsRoot(SubjectCommitments commitments, ReleaseOutcome outcome) {
    Map<String, String> reasons = new java.util.HashMap<>(outcome.denied().size() * 4 / 3 + 1);
    outcome.denied().forEach(denial -> reasons.put(denial.psn(), denial.reason()));
    return Base64.getEncoder().encodeToString(SubjectTree.of(commitments, reasons::get).root());
  }

  /** A published dataset never changes (the catalogue only adds), so it is read once. */
  private Dataset dataset(Connection connection, String id) throws SQLException {
    Dataset known = published.get(id);
    if (known == null) {
      known =
          SnapshotReads.dataset(connection, id)
              .orElseThrow(() -> Refusal.notFound("No such dataset."));
      published.put(id, known);
    }
    return known;
  }

  /** An hour, or less if the entitlement ends sooner: a token never outlives its grounds. */
  static Instant tokenExpiry(ReleaseRules.Grounds grounds, Instant now) {
    Instant expires = now.plus(SigningKeys.TOKEN_LIFETIME);
    Entitlement entitlement = grounds.entitlement().orElseThrow();
    if (entitlement.validUntil().isBefore(expires)) {
      expires = entitlement.validUntil();
    }
    Instant ethicsEnd =
        entitlement.ethicsValidUntil().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return ethicsEnd.isBefore(expires) ? ethicsEnd : expires;
  }

  /**
   * Whether the node may know of this application: it asks for a dataset of its jurisdiction, or
   * holds entitlements there (an amendment may have added the jurisdiction).
   */
  private static boolean concerns(
      Application application, List<Entitlement> granted, String jurisdiction) {
    return application.jurisdictions().contains(jurisdiction)
        || granted.stream().anyMatch(e -> e.jurisdiction().equals(jurisdiction));
  }

  /** The recipient's entitlement to the dataset: an active one if any, else the latest. */
  static Optional<Entitlement> entitlementFor(
      List<Entitlement> granted, Dataset dataset, String recipient, Instant now) {
    List<Entitlement> candidates =
        granted.stream()
            .filter(e -> e.datasetId().equals(dataset.id()) && e.researcher().equals(recipient))
            .toList();
    return candidates.stream()
        .filter(e -> e.statusAt(now) == Entitlement.Status.ACTIVE)
        .findFirst()
        .or(() -> candidates.stream().max(Comparator.comparing(Entitlement::validFrom)));
  }

  /** The dataset's modules, CROSS-BORDER, COMMERCIAL and GENETIC as the purpose needs them. */
  /** The dataset's modules and the purpose's, under the policy of the dataset's jurisdiction. */
  private Set<ConsentModule> modulesNeeded(
      Connection connection, Application application, Dataset dataset) throws SQLException {
    Optional<String> home = SnapshotReads.applicantJurisdiction(connection, application.id());
    return ModulesNeeded.of(
        dataset,
        application.document().purpose(),
        !home.map(dataset.jurisdiction()::equals).orElse(false),
        POLICIES.of(dataset.jurisdiction()).orElseThrow());
  }
}
