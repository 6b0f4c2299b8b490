package eu.clinnova.portal.api.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.log.LeafEncoding;
import eu.clinnova.audit.log.StoredEntry;
import eu.clinnova.audit.merkle.Hashes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Log entries as FHIR R4 AuditEvents: valid against the R4 core profiles, BALP codes where they
 * fit.
 */
class AuditEventMapperTest {

  private static final FhirContext R4 = FhirContext.forR4();

  static StoredEntry entry(
      long index, String action, String role, String subjectType, String subjectId) {
    return entry(index, action, role, subjectType, subjectId, Map.of("code", "x"));
  }

  static StoredEntry entry(
      long index,
      String action,
      String role,
      String subjectType,
      String subjectId,
      Map<String, Object> data) {
    AuditEvent event =
        new AuditEvent(
            new AuditEvent.Actor("3c1e-sub", role),
            action,
            new AuditEvent.Subject(subjectType, subjectId),
            data);
    Instant time = Instant.parse("2026-11-28T10:00:00.000Z");
    byte[] leaf = LeafEncoding.leaf(index, time, event);
    return new StoredEntry(
        index, leaf, Hashes.leaf(leaf), time, action, "3c1e-sub", role, subjectType, subjectId);
  }

  @Test
  void aBundleOfEveryKindOfEntryValidatesWithoutErrors() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    List<StoredEntry> entries =
        List.of(
            entry(0, "portal.started", "system", "portal", "localhost/clinnova-audit-log"),
            entry(1, "consent.recorded", "patient", "patient", "LU-0001"),
            entry(2, "consent.withdrawn", "patient", "patient", "LU-0001"),
            entry(3, "release.decided", "node", "release", "rel-1"),
            entry(4, "release.disclosed", "node", "release", "rel-1"),
            entry(5, "application.submitted", "researcher", "application", "app-9"));
    for (StoredEntry entry : entries) {
      bundle
          .addEntry()
          .setFullUrl("https://portal.example/api/v1/fhir/r4/AuditEvent/" + entry.index())
          .setResource(AuditEventMapper.toFhir(entry, "localhost/clinnova-audit-log"))
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    assertEquals(List.of(), R4Validator.errors(R4, bundle));
  }

  @Test
  void aReleaseDecisionIsABalpAuthorizationDecisionUsingConsent() {
    var event =
        AuditEventMapper.toFhir(entry(3, "release.decided", "node", "release", "rel-1"), "log");
    assertEquals("110113", event.getType().getCode());
    assertEquals("AuthZ-Consent", event.getSubtype().get(1).getCode());
    var disclosure =
        AuditEventMapper.toFhir(entry(4, "release.disclosed", "node", "release", "rel-1"), "log");
    assertEquals("110106", disclosure.getType().getCode());
    assertEquals("disclose", disclosure.getSubtype().get(1).getCode());
  }

  @Test
  void aPatientSubjectIsIdentifiedByPseudonymAndTheLeafTravelsAlong() {
    StoredEntry entry = entry(1, "consent.recorded", "patient", "patient", "FR-0001");
    var event = AuditEventMapper.toFhir(entry, "log");
    assertEquals(
        AuditEventMapper.PSN_SYSTEM,
        event.getEntityFirstRep().getWhat().getIdentifier().getSystem());
    assertEquals("FR-0001", event.getEntityFirstRep().getWhat().getIdentifier().getValue());
    assertEquals("1", event.getEntityFirstRep().getDetail().get(0).getValue().primitiveValue());
  }

  @Test
  void aDeniedReleaseIsNoSuccessAndEachEntryDeclaresTheBalpProfileItFollows() {
    org.hl7.fhir.r4.model.AuditEvent denied =
        AuditEventMapper.toFhir(
            entry(
                7,
                "release.decided",
                "node",
                "release",
                "rel-7",
                Map.of(
                    "decision",
                    "deny",
                    "reasons",
                    List.of("no-entitlement"),
                    "requested",
                    3,
                    "permitted",
                    0)),
            "observer");
    assertEquals(org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._4, denied.getOutcome());
    assertEquals("denied: no-entitlement", denied.getOutcomeDesc());
    assertEquals(
        "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.AuthZconsent",
        denied.getMeta().getProfile().get(0).getValue());
    org.hl7.fhir.r4.model.AuditEvent partial =
        AuditEventMapper.toFhir(
            entry(
                8,
                "release.decided",
                "node",
                "release",
                "rel-8",
                Map.of(
                    "decision", "partial", "reasons", List.of(), "requested", 3, "permitted", 2)),
            "observer");
    assertEquals(org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._0, partial.getOutcome());
    assertEquals("partial: 2 of 3 subjects permitted", partial.getOutcomeDesc());
    org.hl7.fhir.r4.model.AuditEvent read =
        AuditEventMapper.toFhir(
            entry(9, "consent.viewed", "data-steward", "patient", "LU-0001"), "o");
    assertEquals(
        "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead",
        read.getMeta().getProfile().get(0).getValue());
    assertEquals(org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._0, read.getOutcome());
    org.hl7.fhir.r4.model.AuditEvent created =
        AuditEventMapper.toFhir(entry(10, "dataset.published", "admin", "dataset", "lu-x"), "o");
    assertEquals(
        "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Create",
        created.getMeta().getProfile().get(0).getValue());
    // What each BALP profile asks that a generic AuditEvent need not have.
    assertEquals("AuthZ-Consent", denied.getSubtype().get(1).getCode());
    assertTrue(read.getAgentFirstRep().getRequestor());
    assertEquals("1", read.getEntityFirstRep().getType().getCode(), "the patient is the entity");
    for (org.hl7.fhir.r4.model.AuditEvent event : List.of(denied, partial, read, created)) {
      assertEquals(List.of(), R4Validator.errors(R4, event));
    }
  }
}
