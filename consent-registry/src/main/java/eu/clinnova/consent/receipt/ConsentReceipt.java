package eu.clinnova.consent.receipt;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.ConsentQueries.ReceiptData;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormModule;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;

/**
 * The receipt of one record with the fields of ISO/IEC TS 27560 (consent record information
 * structure): receipt id, schema version, subject, controller, purposes, jurisdiction, time,
 * language, withdrawal method and the hash of the text the signer saw.
 */
public final class ConsentReceipt {

  public static final String SCHEMA_VERSION = "ISO/IEC TS 27560:2023";

  private ConsentReceipt() {}

  /** The language a receipt is written in: the record's, else English. */
  public static String language(ReceiptData data) {
    String language = data.entry().record().language();
    return language != null && ReceiptTexts.LANGUAGES.contains(language) ? language : "en";
  }

  public static JsonObject json(ReceiptData data, String portalUrl) {
    ConsentRecord record = data.entry().record();
    String language = language(data);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("schemaVersion", SCHEMA_VERSION)
            .add("receiptId", record.id())
            .add("recordType", record.kind().code())
            .add("state", state(record.kind()))
            .add("timestamp", record.recordedAt().toString())
            .add("language", language)
            .add("jurisdiction", data.patient().jurisdiction())
            .add(
                "legalBasis",
                data.policy().basis().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .add("dataSubject", JSON.createObjectBuilder().add("pseudonym", record.psn()))
            .add("controller", controller(data.patient().jurisdiction()));
    JsonObjectBuilder signer = JSON.createObjectBuilder().add("kind", record.signer().code());
    data.entry().signerName().ifPresent(name -> signer.add("name", name));
    json.add("signer", signer);
    data.form()
        .ifPresent(
            form ->
                json.add(
                    "notice",
                    JSON.createObjectBuilder()
                        .add("formId", form.id())
                        .add("formVersion", form.version())
                        .add("language", record.language())
                        .add("textSha256", record.textSha256())));
    json.add("purposes", purposes(data, language));
    data.entry().evidence().ifPresent(id -> json.add("evidenceAttachmentId", id.toString()));
    json.add(
        "withdrawalMethod",
        ReceiptTexts.text(language, "withdrawal.method").replace("{portal}", portalUrl));
    return json.build();
  }

  private static JsonArrayBuilder purposes(ReceiptData data, String language) {
    ConsentRecord record = data.entry().record();
    JsonArrayBuilder purposes = JSON.createArrayBuilder();
    List<ConsentModule> modules =
        switch (record.kind()) {
          case CONSENT -> List.copyOf(record.decisions().keySet());
          case WITHDRAWAL ->
              record.withdrawn().isEmpty()
                  ? List.of(ConsentModule.values())
                  : List.copyOf(record.withdrawn());
          case OBJECTION -> List.of(ConsentModule.values());
          case INFORMATION ->
              List.copyOf(data.policy().nonOppositionModules()).stream().sorted().toList();
          // Regained capacity decides nothing itself: the patient is asked to.
          case CAPACITY -> List.of();
        };
    for (ConsentModule module : modules) {
      JsonObjectBuilder purpose =
          JSON.createObjectBuilder()
              .add("module", module.code())
              .add("title", title(data.form().orElse(null), module, language));
      record
          .decisionFor(module)
          .ifPresentOrElse(
              decision -> purpose.add("decision", decision.code()),
              () -> purpose.add("decision", "permit-unless-objection"));
      data.form()
          .flatMap(form -> form.module(module))
          .ifPresent(
              formModule -> {
                JsonArrayBuilder duo = JSON.createArrayBuilder();
                formModule.duo().forEach(duo::add);
                purpose.add("duo", duo);
              });
      record.validUntil(module).ifPresent(until -> purpose.add("validUntil", until.toString()));
      purposes.add(purpose);
    }
    return purposes;
  }

  /** A module's title in the form's wording, else the network's module code. */
  static String title(ConsentForm form, ConsentModule module, String language) {
    if (form == null) {
      // A withdrawal names modules, not a form: the network's codes are what it withdrew.
      return module.code();
    }
    return form.module(module)
        .map(FormModule::title)
        .map(titles -> titles.getOrDefault(language, titles.get("en")))
        .orElse(module.code());
  }

  static String state(RecordKind kind) {
    return switch (kind) {
      case CONSENT -> "given";
      case WITHDRAWAL -> "withdrawn";
      case OBJECTION -> "objected";
      case INFORMATION -> "informed";
      case CAPACITY -> "capacity-regained";
    };
  }

  static JsonObject controller(String jurisdiction) {
    Controllers.Controller controller = Controllers.configured().of(jurisdiction);
    return JSON.createObjectBuilder()
        .add("name", controller.name())
        .add("contact", controller.contact())
        .add("dpo", controller.dpo())
        .add("authority", controller.authority())
        .build();
  }
}
