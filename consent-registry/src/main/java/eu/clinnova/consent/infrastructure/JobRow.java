package eu.clinnova.consent.infrastructure;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.registry.ImportJob;
import eu.clinnova.consent.registry.LineProblem;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code consent.job}: a background job and its progress. */
@Entity
@Table(schema = "consent", name = "job")
class JobRow {

  @Id private UUID id;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(name = "started_by", nullable = false, updatable = false)
  private String startedBy;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, updatable = false, columnDefinition = "text[]")
  private String[] jurisdictions;

  @Column(nullable = false)
  private String state;

  @Column(nullable = false, updatable = false)
  private int total;

  @Column(nullable = false)
  private int done;

  @Column(nullable = false)
  private int enrolled;

  @Column(name = "already_enrolled", nullable = false)
  private int alreadyEnrolled;

  @Column(name = "error_count", nullable = false)
  private int errorCount;

  /** The reported bad lines as a JSON array of {line, message}; PostgreSQL keeps it as jsonb. */
  @ColumnTransformer(write = "cast(? as jsonb)")
  @Column(nullable = false, columnDefinition = "jsonb")
  private String errors;

  private String failure;

  @Column(name = "input_sha256", nullable = false, updatable = false)
  private String inputSha256;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected JobRow() {}

  JobRow(ImportJob job) {
    id = job.id();
    kind = job.kind();
    startedBy = job.startedBy();
    jurisdictions = job.jurisdictions().stream().sorted().toArray(String[]::new);
    total = job.total();
    inputSha256 = job.inputSha256();
    createdAt = job.createdAt();
    update(job);
  }

  /** Takes the job's progress (what may change). */
  void update(ImportJob job) {
    state = job.state().code();
    done = job.done();
    enrolled = job.enrolled();
    alreadyEnrolled = job.alreadyEnrolled();
    errorCount = job.errorCount();
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (ImportJob.LineError error : job.errors()) {
      JsonArrayBuilder args = JSON.createArrayBuilder();
      error.problem().args().forEach(args::add);
      array.add(
          JSON.createObjectBuilder()
              .add("line", error.line())
              .add("code", error.problem().code())
              .add("args", args)
              .add("message", error.message()));
    }
    errors = array.build().toString();
    failure = job.failure().orElse(null);
    finishedAt = job.finishedAt().orElse(null);
  }

  ImportJob job() {
    List<ImportJob.LineError> lineErrors = new ArrayList<>();
    try (JsonReader reader = JSON.createReader(new StringReader(errors))) {
      for (JsonValue value : reader.readArray()) {
        JsonObject error = value.asJsonObject();
        // Jobs stored before problems had codes keep their English message as their code.
        LineProblem problem =
            error.containsKey("code")
                ? new LineProblem(
                    error.getString("code"),
                    error.getJsonArray("args").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList())
                : new LineProblem(error.getString("message"), List.of());
        lineErrors.add(new ImportJob.LineError(error.getInt("line"), problem));
      }
    }
    return new ImportJob(
        id,
        kind,
        startedBy,
        Set.of(jurisdictions),
        ImportJob.State.fromCode(state),
        total,
        done,
        enrolled,
        alreadyEnrolled,
        errorCount,
        lineErrors,
        Optional.ofNullable(failure),
        inputSha256,
        createdAt,
        Optional.ofNullable(finishedAt));
  }
}
