package eu.clinnova.workflow.catalogue;

import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.DuoTerm;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code workflow.dataset}: the version in force of a dataset. A new version replaces its
 * content (the database keeps every version, V10); retiring it sets when and by whom.
 */
@Entity
@Table(schema = "workflow", name = "dataset")
class DatasetRow {

  @Id private String id;

  @Column(nullable = false)
  private int version;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Column(name = "retired_by")
  private String retiredBy;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false, updatable = false)
  private String jurisdiction;

  @Column(nullable = false, updatable = false)
  private String cohort;

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

  protected DatasetRow() {}

  DatasetRow(Dataset dataset, String by) {
    this.id = dataset.id();
    this.version = 1;
    this.jurisdiction = dataset.jurisdiction();
    this.cohort = dataset.cohort();
    revise(dataset, by);
  }

  /** The content of {@code dataset} as this row's next version. */
  void nextVersion(Dataset dataset, String by) {
    version++;
    revise(dataset, by);
  }

  private void revise(Dataset dataset, String by) {
    this.title = dataset.title();
    this.description = dataset.description();
    this.permission = dataset.use().permission().name();
    this.disease = dataset.use().disease().orElse(null);
    // sorted, so that the same use is stored the same way
    this.modifiers =
        dataset.use().modifiers().stream().sorted().map(Enum::name).toArray(String[]::new);
    this.requiredModules = dataset.requiredModules().toArray(String[]::new);
    this.timeLimitMonths = dataset.timeLimitMonths().orElse(null);
    this.subjects = dataset.subjects();
    this.publishedAt = dataset.publishedAt();
    this.publishedBy = by;
  }

  void retire(Instant at, String by) {
    retiredAt = at;
    retiredBy = by;
  }

  CatalogueEntry entry() {
    return new CatalogueEntry(dataset(), version, publishedBy, Optional.ofNullable(retiredAt));
  }

  Dataset dataset() {
    Set<DuoTerm> terms = EnumSet.noneOf(DuoTerm.class);
    Arrays.stream(modifiers).map(DuoTerm::valueOf).forEach(terms::add);
    return new Dataset(
        id,
        title,
        description,
        jurisdiction,
        cohort,
        new DataUse(DuoTerm.valueOf(permission), Optional.ofNullable(disease), terms),
        List.of(requiredModules),
        Optional.ofNullable(timeLimitMonths),
        subjects,
        publishedAt);
  }
}
