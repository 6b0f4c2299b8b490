package eu.clinnova.consent.infrastructure;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormDocument;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code consent.form}: one version of a form as published, never changed. */
@Entity
@Immutable
@IdClass(FormRow.Key.class)
@Table(schema = "consent", name = "form")
class FormRow {

  record Key(String id, int version) implements Serializable {}

  @Id private String id;

  @Id private int version;

  @Column(nullable = false)
  private String jurisdiction;

  @Column(nullable = false)
  private String change;

  /** The form as published (FormDocument's JSON); PostgreSQL keeps it as {@code jsonb}. */
  @ColumnTransformer(write = "cast(? as jsonb)")
  @Column(nullable = false, columnDefinition = "jsonb")
  private String document;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false)
  private String publishedBy;

  protected FormRow() {}

  FormRow(ConsentForm form, String by) {
    this.id = form.id();
    this.version = form.version();
    this.jurisdiction = form.jurisdiction();
    this.change = form.change().code();
    this.document = FormDocument.json(form).toString();
    this.publishedAt = form.publishedAt();
    this.publishedBy = by;
  }

  ConsentForm form() {
    JsonObject json;
    try (var reader = JSON.createReader(new StringReader(document))) {
      json = reader.readObject();
    }
    if (FormDocument.parse(json, publishedAt) instanceof FormDocument.Parsed.Valid valid) {
      return valid.form();
    }
    throw new IllegalStateException("the stored form " + id + " v" + version + " does not parse");
  }
}
