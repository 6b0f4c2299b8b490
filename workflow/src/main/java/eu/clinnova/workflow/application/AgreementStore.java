package eu.clinnova.workflow.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Acceptances of the data access agreement: the applicant's, one per application, and each team
 * member's, one per member and project (both append-only).
 */
@ApplicationScoped
public class AgreementStore {

  /** An acceptance: which version, its text's digest, when. */
  public record Acceptance(int version, String sha256, Instant acceptedAt) {}

  /**
   * A team member's acceptance: of which project, by which account, named in the team by which
   * (verified, lower-cased) address.
   */
  public record MemberAcceptance(
      UUID applicationId,
      String memberSub,
      String address,
      int version,
      String sha256,
      Instant acceptedAt) {}

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected AgreementStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public AgreementStore(EntityManager entities) {
    this.entities = entities;
  }

  public void insert(UUID applicationId, DataAccessAgreement agreement, Instant at, String by) {
    entities.persist(new AgreementAcceptanceRow(applicationId, agreement, at, by));
    entities.flush();
  }

  public Optional<Acceptance> find(UUID applicationId) {
    return Optional.ofNullable(entities.find(AgreementAcceptanceRow.class, applicationId))
        .map(AgreementAcceptanceRow::acceptance);
  }

  public void insertMember(MemberAcceptance acceptance) {
    entities.persist(new MemberAgreementRow(acceptance));
    entities.flush();
  }

  /** The team members' acceptances of the project, in the order they came. */
  public List<MemberAcceptance> members(UUID applicationId) {
    return entities
        .createQuery(
            "SELECT m FROM MemberAgreementRow m WHERE m.applicationId = :id"
                + " ORDER BY m.acceptedAt, m.memberSub",
            MemberAgreementRow.class)
        .setParameter("id", applicationId)
        .getResultList()
        .stream()
        .map(MemberAgreementRow::acceptance)
        .toList();
  }

  /** The version applicants accept now: the latest published. */
  public DataAccessAgreement current() {
    return versions().get(0).agreement();
  }

  public Optional<AgreementVersion> version(int version) {
    return Optional.ofNullable(entities.find(AgreementVersionRow.class, version))
        .map(AgreementVersionRow::version);
  }

  /** Every published version, newest first (version 1 comes with the schema). */
  public List<AgreementVersion> versions() {
    return entities
        .createQuery(
            "SELECT v FROM AgreementVersionRow v ORDER BY v.version DESC",
            AgreementVersionRow.class)
        .getResultList()
        .stream()
        .map(AgreementVersionRow::version)
        .toList();
  }

  public void insertVersion(AgreementVersion published) {
    entities.persist(new AgreementVersionRow(published));
    entities.flush();
  }

  /** Until the transaction ends: two administrators publishing at once get two numbers. */
  public void lockVersions() {
    entities
        .createNativeQuery(
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('workflow.agreement_version'))) l")
        .getSingleResult();
  }
}
