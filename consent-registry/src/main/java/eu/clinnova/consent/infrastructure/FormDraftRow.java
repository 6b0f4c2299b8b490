package eu.clinnova.consent.infrastructure;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.form.FormDocument;
import eu.clinnova.consent.form.FormDraft;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A row of {@code consent.form_draft}: the next version of a form, being prepared. */
@Entity
@Table(schema = "consent", name = "form_draft")
class FormDraftRow {

  @Id
  @Column(name = "form_id")
  private String formId;

  /** The draft as FormDocument's JSON; PostgreSQL keeps it as {@code jsonb}. */
  @ColumnTransformer(write = "cast(? as jsonb)")
  @Column(nullable = false, columnDefinition = "jsonb")
  private String document;

  @Column(name = "saved_by", nullable = false)
  private String savedBy;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  protected FormDraftRow() {}

  FormDraftRow(FormDraft draft) {
    this.formId = draft.form().id();
    update(draft);
  }

  void update(FormDraft draft) {
    this.document = FormDocument.json(draft.form()).toString();
    this.savedBy = draft.savedBy();
    this.savedAt = draft.savedAt();
  }

  FormDraft draft() {
    JsonObject json;
    try (var reader = JSON.createReader(new StringReader(document))) {
      json = reader.readObject();
    }
    // A draft was valid when saved; it is not published, so it carries no instant of its own.
    if (FormDocument.parse(json) instanceof FormDocument.Parsed.Valid valid) {
      return new FormDraft(valid.form(), savedBy, savedAt);
    }
    throw new IllegalStateException("the stored draft of form " + formId + " does not parse");
  }
}
