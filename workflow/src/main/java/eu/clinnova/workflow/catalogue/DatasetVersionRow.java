package eu.clinnova.workflow.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code workflow.dataset_version}: one version as published, written by a trigger. */
@Entity
@Immutable
@IdClass(DatasetVersionRow.Key.class)
@Table(schema = "workflow", name = "dataset_version")
class DatasetVersionRow {

  /** The primary key: a dataset and its version. */
  record Key(String id, int version) implements Serializable {}

  @Id private String id;

  @Id private int version;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String permission;

  private String disease;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] modifiers;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "required_modules", nullable = false, columnDefinition = "text[]")
  private String[] requiredModules;

  @Column(name = "time_limit_months")
  private Integer timeLimitMonths;

  @Column(nullable = false)
  private int subjects;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false)
  private String publishedBy;

  protected DatasetVersionRow() {}

  DatasetVersion version() {
    return new DatasetVersion(
        id,
        version,
        title,
        permission,
        java.util.Optional.ofNullable(disease),
        List.of(modifiers),
        List.of(requiredModules),
        java.util.Optional.ofNullable(timeLimitMonths),
        subjects,
        publishedAt,
        publishedBy);
  }
}
