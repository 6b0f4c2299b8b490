package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.agreement_version}: one published version of the agreement. */
@Entity
@Immutable
@Table(schema = "workflow", name = "agreement_version")
class AgreementVersionRow {

  @Id private int version;

  @Column(nullable = false)
  private String text;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false)
  private String publishedBy;

  protected AgreementVersionRow() {}

  AgreementVersionRow(AgreementVersion published) {
    this.version = published.version();
    this.text = published.agreement().text();
    this.sha256 = published.agreement().sha256();
    this.publishedAt = published.publishedAt();
    this.publishedBy = published.publishedBy();
  }

  AgreementVersion version() {
    return new AgreementVersion(
        new DataAccessAgreement(version, text, sha256), publishedAt, publishedBy);
  }
}
