package eu.clinnova.workflow.application;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code workflow.close_out}: written once (a trigger refuses changes). */
@Entity
@Immutable
@Table(schema = "workflow", name = "close_out")
class CloseOutRow {

  @Id
  @Column(name = "application_id")
  private UUID applicationId;

  @Column(nullable = false)
  private String results;

  /** A JSON array of strings (read and written as text: no JSON mapper needed in the server). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String publications;

  @Column(name = "closed_at", nullable = false)
  private Instant closedAt;

  @Column(name = "closed_by", nullable = false)
  private String closedBy;

  protected CloseOutRow() {}

  CloseOutRow(CloseOut report, String closedBy) {
    this.applicationId = report.applicationId();
    this.results = report.results();
    var array = JSON.createArrayBuilder();
    report.publications().forEach(array::add);
    this.publications = array.build().toString();
    this.closedAt = report.closedAt();
    this.closedBy = closedBy;
  }

  CloseOut report() {
    List<String> listed;
    try (var reader = JSON.createReader(new java.io.StringReader(publications))) {
      listed =
          reader.readArray().getValuesAs(JsonString.class).stream()
              .map(JsonString::getString)
              .toList();
    }
    return new CloseOut(applicationId, results, listed, closedAt);
  }
}
