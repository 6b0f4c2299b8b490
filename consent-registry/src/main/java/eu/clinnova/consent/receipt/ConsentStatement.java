package eu.clinnova.consent.receipt;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.ConsentQueries.PatientConsent;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormModule;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/**
 * A statement of a patient's consent as it stands at one instant, every module of their form with
 * its decision, since when and until when (issue 21: each change has its receipt, but a patient
 * also needs one document of "my choices now"). The same ISO/IEC TS 27560 fields as a receipt where
 * they apply; {@code statementType} tells the two apart.
 */
public final class ConsentStatement {

  public static final String TYPE = "current-state";

  private ConsentStatement() {}

  /** The statement of {@code consent} on {@code form}, in {@code language} (else English). */
  public static JsonObject json(
      PatientConsent consent, ConsentForm form, String language, String portalUrl) {
    String written = ReceiptTexts.LANGUAGES.contains(language) ? language : "en";
    String jurisdiction = consent.patient().jurisdiction();
    JsonArrayBuilder purposes = JSON.createArrayBuilder();
    int allowed = 0;
    for (FormModule module : form.modules()) {
      ModuleState state = consent.states().get(module.module());
      if (state.permits()) {
        allowed++;
      }
      JsonObjectBuilder purpose =
          JSON.createObjectBuilder()
              .add("module", module.module().code())
              .add("title", ConsentReceipt.title(form, module.module(), written))
              .add(
                  "decision",
                  state.reason() == ModuleState.Reason.NON_OPPOSITION
                      ? "permit-unless-objection"
                      : state.decision().code())
              .add("reason", state.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      JsonArrayBuilder duo = JSON.createArrayBuilder();
      module.duo().forEach(duo::add);
      purpose.add("duo", duo);
      state.since().ifPresent(since -> purpose.add("since", since.toString()));
      state.validUntil().ifPresent(until -> purpose.add("validUntil", until.toString()));
      purposes.add(purpose);
    }
    return JSON.createObjectBuilder()
        .add("schemaVersion", ConsentReceipt.SCHEMA_VERSION)
        .add("statementType", TYPE)
        .add("timestamp", consent.asOf().toString())
        .add("language", written)
        .add("jurisdiction", jurisdiction)
        .add(
            "legalBasis",
            consent.policy().basis().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .add("dataSubject", JSON.createObjectBuilder().add("pseudonym", consent.patient().psn()))
        .add("controller", ConsentReceipt.controller(jurisdiction))
        .add(
            "notice",
            JSON.createObjectBuilder().add("formId", form.id()).add("formVersion", form.version()))
        .add("allowed", allowed)
        .add("total", form.modules().size())
        .add("purposes", purposes)
        .add(
            "withdrawalMethod",
            ReceiptTexts.text(written, "withdrawal.method").replace("{portal}", portalUrl))
        .build();
  }
}
