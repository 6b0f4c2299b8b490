package eu.clinnova.release;

import eu.clinnova.audit.log.StoredEntry;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.audit.subjects.ReleaseProof;
import eu.clinnova.audit.subjects.SubjectCommitments;
import eu.clinnova.audit.subjects.SubjectTree;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.DisclosureRecording;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A release's subjects as the log committed to them: the subject tree rebuilt from what was stored
 * in the decision's transaction (the permitted patients' disclosure and the denials), for
 * compliance ({@code GET /releases/{id}/subjects}), and a patient's proof that a release did or did
 * not include them ({@code GET /patients/{psn}/releases/{releaseId}/proof}). The root served beside
 * the leaves is the one the decision stored with its audit entry, never the recomputed one: a
 * verifier compares the two, so subjects added or removed in the database afterwards show.
 */
@ApplicationScoped
public class ReleaseSubjects {

  /** A release's subjects, in leaf order, and the root its decision recorded. */
  public record Listing(UUID releaseId, Optional<String> subjectsRoot, SubjectTree tree) {}

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  @Inject AuditLogService auditLog;
  @Inject ConsentQueries consent;

  private final ReleaseStore releases = new ReleaseStore();
  private final DisclosureRecording disclosures = new DisclosureRecording();

  /** Every subject of the release with its leaf (compliance only). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Listing of(Caller caller, UUID releaseId) {
    if (!caller.has(Role.COMPLIANCE_OFFICER)) {
      throw Refusal.forbidden("A release's subjects are shown to compliance officers.");
    }
    try (Connection connection = dataSource.getConnection()) {
      Release release =
          releases
              .find(connection, releaseId)
              .orElseThrow(() -> Refusal.notFound("No such release."));
      return new Listing(releaseId, release.subjectsRoot(), tree(connection, release));
    } catch (SQLException e) {
      throw new IllegalStateException("the release's subjects could not be read", e);
    }
  }

  /**
   * {@code psn}'s proof for the release: self, a minor's guardian or compliance; 404 for a patient
   * the caller may not see or an unknown release, 409 for a decision made before the log committed
   * to subjects.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReleaseProof proof(Caller caller, String psn, UUID releaseId) {
    consent.forReleaseProof(caller, psn, releaseId.toString());
    try (Connection connection = dataSource.getConnection()) {
      Release release =
          releases
              .find(connection, releaseId)
              .orElseThrow(() -> Refusal.notFound("No such release."));
      if (release.subjectsRoot().isEmpty()) {
        throw Refusal.conflict(
            "no-subjects-root",
            "This release was decided before the log committed to each release's subjects;"
                + " its entry carries the digest of the permitted subjects only.");
      }
      SubjectTree tree = tree(connection, release);
      StoredEntry entry = auditLog.entries(release.auditIndex(), 1).get(0);
      String checkpoint = auditLog.checkpoint();
      // The log's own checkpoint: its size is read; the patient's verifier checks the signature.
      long size = Checkpoint.parse(checkpoint.substring(0, checkpoint.indexOf("\n\n") + 1)).size();
      return ReleaseProof.of(
          tree,
          psn,
          new ReleaseProof.Audit(
              entry.index(),
              entry.leaf(),
              entry.leafHash(),
              checkpoint,
              auditLog.inclusionProof(entry.index(), size)));
    } catch (SQLException e) {
      throw new IllegalStateException("the release could not be read", e);
    }
  }

  /** The tree of the subjects stored for {@code release}: permitted and denied. */
  private SubjectTree tree(Connection connection, Release release) throws SQLException {
    List<String> subjects = new ArrayList<>();
    Map<String, String> reasons = new HashMap<>();
    for (Release.Denial denial : releases.denials(connection, release.id(), Integer.MAX_VALUE)) {
      subjects.add(denial.psn());
      reasons.put(denial.psn(), denial.reason());
    }
    subjects.addAll(disclosures.permitted(connection, release.id().toString()));
    return SubjectTree.of(SubjectCommitments.of(release.id().toString(), subjects), reasons::get);
  }
}
