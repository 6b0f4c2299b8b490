package eu.clinnova.consent.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.policy.PolicyCatalogue;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A receipt's ISO/IEC TS 27560 fields, and its PDF in the signer's language. */
class ConsentReceiptTest {

  static ConsentQueries.ReceiptData receipt(String language, SignerKind signer) {
    ConsentForm form = ConsentForms.seedForm("de-broad-consent", Instant.now());
    ConsentRecord record =
        new ConsentRecord(
            "6f1c2b9e-1111-4222-8333-944455556666",
            "DE-0001",
            RecordKind.CONSENT,
            form.id(),
            form.version(),
            language,
            form.textSha256(language),
            Map.of(
                ConsentModule.CLINICAL_DATA, Decision.PERMIT, ConsentModule.GENETIC, Decision.DENY),
            Set.of(),
            signer,
            Instant.parse("2026-11-28T10:15:30.123Z"),
            Map.of(ConsentModule.CLINICAL_DATA, Instant.parse("2056-11-28T10:15:30.123Z")));
    return new ConsentQueries.ReceiptData(
        new Patient("DE-0001", "DE", "UKF", Set.of(Patient.Cohort.MS), false),
        PolicyCatalogue.bundled().of("DE").orElseThrow(),
        new RecordEntry(
            record,
            signer == SignerKind.GUARDIAN ? Optional.of("Erika Muster") : Optional.empty(),
            "sub",
            "patient",
            Optional.empty(),
            Optional.empty()),
        Optional.of(form));
  }

  @Test
  void theJsonHasTheStandardsFieldsAndTheHashOfTheTextSeen() {
    ConsentQueries.ReceiptData data = receipt("de", SignerKind.SELF);
    JsonObject json = ConsentReceipt.json(data, "https://portal.example/");
    assertEquals(ConsentReceipt.SCHEMA_VERSION, json.getString("schemaVersion"));
    assertEquals("6f1c2b9e-1111-4222-8333-944455556666", json.getString("receiptId"));
    assertEquals("DE-0001", json.getJsonObject("dataSubject").getString("pseudonym"));
    assertEquals("DE", json.getString("jurisdiction"));
    assertEquals("de", json.getString("language"));
    assertEquals("2026-11-28T10:15:30.123Z", json.getString("timestamp"));
    assertTrue(json.getJsonObject("controller").getString("name").contains("Baden-Württemberg"));
    assertEquals(
        data.form().orElseThrow().textSha256("de"),
        json.getJsonObject("notice").getString("textSha256"));
    assertEquals(2, json.getJsonArray("purposes").size());
    assertTrue(json.getString("withdrawalMethod").contains("https://portal.example/"));
    assertTrue(json.toString().contains("\"validUntil\":\"2056-11-28T10:15:30.123Z\""));
  }

  @Test
  void thePdfIsWrittenInTheSignersLanguage() throws Exception {
    for (String[] expected :
        new String[][] {
          {"de", "Einwilligungsbeleg", "Ihr Sorgeberechtigter: Erika Muster"},
          {"fr", "Reçu de consentement", "votre représentant légal (parent) : Erika Muster"},
          {"en", "Consent receipt", "your guardian: Erika Muster"}
        }) {
      byte[] pdf =
          ReceiptPdf.render(
              ConsentReceipt.json(receipt(expected[0], SignerKind.GUARDIAN), "https://p.example/"));
      try (PDDocument document = Loader.loadPDF(pdf)) {
        String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        assertTrue(text.contains(expected[1]), text);
        assertTrue(text.contains(expected[2]), text);
        assertTrue(text.contains("6f1c2b9e-1111-4222-8333-944455556666"), text);
        // On the network's clock, zone named; never UTC on paper.
        assertTrue(text.contains("11:15"), text);
        assertTrue(!text.contains("UTC") && !text.contains("10:15"), text);
      }
    }
  }

  @Test
  void theStatementListsEveryModuleOfTheFormWithItsStateNow() throws Exception {
    ConsentQueries.ReceiptData data = receipt("fr", SignerKind.SELF);
    ConsentForm form = data.form().orElseThrow();
    Instant now = Instant.parse("2026-12-05T08:00:00Z");
    ConsentQueries.PatientConsent consent =
        new ConsentQueries.PatientConsent(
            data.patient(),
            data.policy(),
            now,
            eu.clinnova.consent.domain.ConsentStates.asOf(
                data.patient(), java.util.List.of(data.entry().record()), data.policy(), now),
            java.util.List.of(data.entry()));
    JsonObject json = ConsentStatement.json(consent, form, "fr", "https://p.example/");
    assertEquals(ConsentStatement.TYPE, json.getString("statementType"));
    assertEquals(form.modules().size(), json.getJsonArray("purposes").size());
    assertEquals(form.modules().size(), json.getInt("total"));
    assertEquals(1, json.getInt("allowed"));
    JsonObject clinical =
        json.getJsonArray("purposes").stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .filter(purpose -> purpose.getString("module").equals("CLINICAL-DATA"))
            .findFirst()
            .orElseThrow();
    assertEquals("permit", clinical.getString("decision"));
    assertEquals("2026-11-28T10:15:30.123Z", clinical.getString("since"));
    try (PDDocument document = Loader.loadPDF(ReceiptPdf.renderStatement(json))) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertTrue(text.contains("Vos choix de consentement actuels"), text);
      assertTrue(
          text.contains(
              "Utilisations de vos données que vous autorisez : 1 sur " + form.modules().size()),
          text);
      assertTrue(text.contains("À la date du : 5 déc. 2026"), text);
      assertTrue(text.contains("Allemagne (Bade-Wurtemberg)"), text);
      assertTrue(!text.contains("CLINICAL-DATA") && !text.contains("UTC"), text);
    }
  }
}
