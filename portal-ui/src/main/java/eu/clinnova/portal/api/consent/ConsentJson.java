package eu.clinnova.portal.api.consent;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.RecordEntry;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/** Consent state and records as the API writes them. */
final class ConsentJson {

  private ConsentJson() {}

  /**
   * One module's current state: the contract's fields (module, decision, formId, formVersion,
   * recordedAt, recordedBy.kind; null when the state is the jurisdiction's default), and why
   * (reason) and until when (validUntil).
   */
  static JsonObject state(ConsentQueries.PatientConsent consent, ModuleState state) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("module", state.module().code())
            .add("decision", state.decision().code())
            .add("reason", state.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    var record = consent.recordOf(state).map(RecordEntry::record);
    if (record.isPresent() && record.get().formId() != null) {
      json.add("formId", record.get().formId()).add("formVersion", record.get().formVersion());
    } else {
      json.addNull("formId").addNull("formVersion");
    }
    if (record.isPresent()) {
      json.add("recordedAt", record.get().recordedAt().toString())
          .add("recordedBy", JSON.createObjectBuilder().add("kind", record.get().signer().code()))
          .add("recordId", record.get().id());
    } else {
      json.addNull("recordedAt").addNull("recordedBy").addNull("recordId");
    }
    state
        .validUntil()
        .ifPresentOrElse(
            until -> json.add("validUntil", until.toString()), () -> json.addNull("validUntil"));
    return json.build();
  }

  static JsonObject record(RecordEntry entry) {
    ConsentRecord record = entry.record();
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("recordId", record.id())
            .add("kind", record.kind().code())
            .add("recordedAt", record.recordedAt().toString());
    JsonObjectBuilder signer = JSON.createObjectBuilder().add("kind", record.signer().code());
    entry.signerName().ifPresent(name -> signer.add("name", name));
    json.add("recordedBy", signer.add("role", entry.recorderRole()));
    if (record.formId() != null) {
      json.add("formId", record.formId())
          .add("formVersion", record.formVersion())
          .add("language", record.language())
          .add("textSha256", record.textSha256());
    }
    JsonObjectBuilder decisions = JSON.createObjectBuilder();
    record.decisions().forEach((module, decision) -> decisions.add(module.code(), decision.code()));
    json.add("decisions", decisions);
    JsonArrayBuilder withdrawn = JSON.createArrayBuilder();
    record.withdrawn().stream().map(ConsentModule::code).sorted().forEach(withdrawn::add);
    json.add("modules", withdrawn);
    JsonObjectBuilder validUntil = JSON.createObjectBuilder();
    record.validUntil().forEach((module, until) -> validUntil.add(module.code(), until.toString()));
    json.add("validUntil", validUntil);
    entry.evidence().ifPresent(id -> json.add("evidenceAttachmentId", id.toString()));
    entry.reason().ifPresent(reason -> json.add("reason", reason));
    return json.build();
  }
}
