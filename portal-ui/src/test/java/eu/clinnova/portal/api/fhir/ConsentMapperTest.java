package eu.clinnova.portal.api.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.ConsentStates;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.policy.PolicyCatalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

/** Consent records as FHIR R4 Consent resources, validated against the R4 core profiles. */
class ConsentMapperTest {

  private static final FhirContext R4 = FhirContext.forR4();
  private static final String API = "https://portal.example/api/";

  static RecordEntry entry(ConsentRecord record, SignerKind signer) {
    return new RecordEntry(
        record,
        signer == SignerKind.GUARDIAN ? Optional.of("A. Guardian") : Optional.empty(),
        "sub-1",
        "patient",
        Optional.empty(),
        Optional.empty());
  }

  static ConsentQueries.ConsentDocuments documents(
      Patient patient, ConsentForm form, List<ConsentRecord> oldestFirst) {
    JurisdictionPolicy policy = PolicyCatalogue.bundled().of(patient.jurisdiction()).orElseThrow();
    List<RecordEntry> history = new ArrayList<>();
    for (ConsentRecord record : oldestFirst) {
      history.add(0, entry(record, record.signer()));
    }
    Instant now = Instant.parse("2026-11-28T12:00:00Z");
    return new ConsentQueries.ConsentDocuments(
        new ConsentQueries.PatientConsent(
            patient, policy, now, ConsentStates.asOf(oldestFirst, policy, now), history),
        Map.of(form.id() + "/" + form.version(), form));
  }

  static ConsentRecord record(
      String psn,
      RecordKind kind,
      ConsentForm form,
      Map<ConsentModule, Decision> decisions,
      Set<ConsentModule> withdrawn,
      SignerKind signer,
      String at,
      Map<ConsentModule, Instant> until) {
    boolean onForm = kind == RecordKind.CONSENT || kind == RecordKind.INFORMATION;
    return new ConsentRecord(
        UUID.randomUUID().toString(),
        psn,
        kind,
        onForm ? form.id() : null,
        onForm ? form.version() : null,
        onForm ? "fr" : null,
        onForm ? form.textSha256("fr") : null,
        decisions,
        withdrawn,
        signer,
        Instant.parse(at),
        until);
  }

  @Test
  void consentsWithdrawalsAndInformationValidateAgainstR4() {
    ConsentForm lu = ConsentForms.seedForm("lu-research-consent", Instant.now());
    Patient patient = new Patient("LU-0001", "LU", "CHL", Set.of(Patient.Cohort.IBD), false);
    ConsentRecord given =
        record(
            "LU-0001",
            RecordKind.CONSENT,
            lu,
            Map.of(
                ConsentModule.CLINICAL_DATA,
                Decision.PERMIT,
                ConsentModule.GENETIC,
                Decision.DENY,
                ConsentModule.BROAD_HEALTH,
                Decision.PERMIT),
            Set.of(),
            SignerKind.SELF,
            "2026-01-01T10:00:00Z",
            Map.of(ConsentModule.CLINICAL_DATA, Instant.parse("2056-01-01T10:00:00Z")));
    ConsentRecord withdrawal =
        record(
            "LU-0001",
            RecordKind.WITHDRAWAL,
            lu,
            Map.of(),
            Set.of(ConsentModule.BROAD_HEALTH),
            SignerKind.SELF,
            "2026-02-01T10:00:00Z",
            Map.of());
    List<Consent> luConsents =
        ConsentMapper.toFhir(documents(patient, lu, List.of(given, withdrawal)), API);

    ConsentForm fr = ConsentForms.seedForm("fr-research-information", Instant.now());
    Patient frPatient = new Patient("FR-0001", "FR", "CHRU", Set.of(Patient.Cohort.RA), true);
    ConsentRecord informed =
        record(
            "FR-0001",
            RecordKind.INFORMATION,
            fr,
            Map.of(),
            Set.of(),
            SignerKind.STAFF_PAPER,
            "2026-01-01T10:00:00Z",
            Map.of());
    ConsentRecord guardian =
        record(
            "FR-0001",
            RecordKind.CONSENT,
            fr,
            Map.of(ConsentModule.GENETIC, Decision.PERMIT),
            Set.of(),
            SignerKind.GUARDIAN,
            "2026-01-02T10:00:00Z",
            Map.of());
    ConsentRecord objection =
        record(
            "FR-0001",
            RecordKind.OBJECTION,
            fr,
            Map.of(),
            Set.of(),
            SignerKind.SELF,
            "2026-03-01T10:00:00Z",
            Map.of());
    List<Consent> frConsents =
        ConsentMapper.toFhir(documents(frPatient, fr, List.of(informed, guardian, objection)), API);

    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    List<Consent> all = new ArrayList<>(luConsents);
    all.addAll(frConsents);
    for (Consent consent : all) {
      bundle
          .addEntry()
          .setFullUrl(API + "v1/fhir/r4/Consent/" + consent.getIdElement().getIdPart())
          .setResource(consent)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    assertEquals(List.of(), R4Validator.errors(R4, bundle));

    // Newest first; the withdrawal is what BROAD-HEALTH rests on now, the consent still holds
    // CLINICAL-DATA: both active.
    Consent newest = luConsents.get(0);
    assertEquals(Consent.ConsentProvisionType.DENY, newest.getProvision().getType());
    assertEquals(Consent.ConsentState.ACTIVE, newest.getStatus());
    Consent first = luConsents.get(1);
    assertEquals(Consent.ConsentState.ACTIVE, first.getStatus());
    assertTrue(
        first
            .getPolicyFirstRep()
            .getUri()
            .endsWith("v1/consent/forms/lu-research-consent/versions/1?language=fr"));
    Consent.ProvisionComponent clinical =
        first.getProvision().getProvision().stream()
            .filter(p -> p.getCodeFirstRep().getCodingFirstRep().getCode().equals("CLINICAL-DATA"))
            .findFirst()
            .orElseThrow();
    assertEquals("DUO:0000007", clinical.getPurposeFirstRep().getCode());
    assertEquals(Consent.ConsentProvisionType.PERMIT, clinical.getType());
    // FR: the objection supersedes the information and the guardian's consent.
    assertEquals(Consent.ConsentState.ACTIVE, frConsents.get(0).getStatus());
    assertEquals(Consent.ConsentState.INACTIVE, frConsents.get(1).getStatus());
    assertEquals(Consent.ConsentState.INACTIVE, frConsents.get(2).getStatus());
  }
}
