package eu.clinnova.portal.api.fhir;

import eu.clinnova.consent.application.ConsentQueries.ConsentDocuments;
import eu.clinnova.consent.application.ConsentQueries.PatientConsent;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormModule;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Consent records as FHIR R4 {@code Consent} resources (scope research): one per record, each
 * module decision a nested provision with the module's code and the DUO terms its permit grants,
 * the policy pointing at the exact form version and language the signer saw. A record the current
 * state rests on is {@code active}; a superseded one {@code inactive}.
 */
public final class ConsentMapper {

  public static final String PSN_SYSTEM = "https://clinnova.eu/fhir/NamingSystem/psn";
  public static final String MODULE_SYSTEM = "https://clinnova.eu/fhir/CodeSystem/consent-module";
  public static final String DUO_SYSTEM = "http://purl.obolibrary.org/obo/duo.owl";
  static final String TEXT_HASH_SYSTEM =
      "https://clinnova.eu/fhir/NamingSystem/consent-text-sha256";

  private ConsentMapper() {}

  /**
   * @param apiBase the API's base URL, ending in {@code /api/}
   */
  public static List<Consent> toFhir(ConsentDocuments documents, String apiBase) {
    PatientConsent consent = documents.consent();
    Set<String> current =
        consent.states().values().stream()
            .map(ModuleState::recordId)
            .flatMap(java.util.Optional::stream)
            .collect(Collectors.toSet());
    return consent.history().stream()
        // That a patient regained capacity is not a consent: it is in their history, not here.
        .filter(entry -> entry.record().kind() != RecordKind.CAPACITY)
        .map(
            entry ->
                toFhir(
                    entry,
                    consent,
                    entry.record().formId() == null
                        ? null
                        : documents
                            .forms()
                            .get(entry.record().formId() + "/" + entry.record().formVersion()),
                    current.contains(entry.record().id()),
                    apiBase))
        .toList();
  }

  static Consent toFhir(
      RecordEntry entry,
      PatientConsent consent,
      ConsentForm form,
      boolean current,
      String apiBase) {
    ConsentRecord record = entry.record();
    Consent resource = new Consent();
    resource.setId(record.id());
    resource.addIdentifier(
        new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + record.id()));
    if (record.textSha256() != null) {
      resource.addIdentifier(
          new Identifier().setSystem(TEXT_HASH_SYSTEM).setValue(record.textSha256()));
    }
    resource.setStatus(current ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
    resource.setScope(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/consentscope", "research", "Research")));
    resource.addCategory(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/consentcategorycodes",
                "research",
                "Research information access")));
    Reference patient =
        new Reference()
            .setIdentifier(new Identifier().setSystem(PSN_SYSTEM).setValue(record.psn()));
    patient.setType("Patient");
    resource.setPatient(patient);
    resource.setDateTime(Date.from(record.recordedAt()));
    resource.addPerformer(performer(entry));
    String policy =
        form == null
            ? apiBase + "v1/policies#" + consent.patient().jurisdiction()
            : apiBase
                + "v1/consent/forms/"
                + form.id()
                + "/versions/"
                + form.version()
                + "?language="
                + record.language();
    resource.addPolicy().setAuthority(apiBase + "v1/policies").setUri(policy);

    Consent.ProvisionComponent provision = resource.getProvision();
    if (record.kind() == RecordKind.WITHDRAWAL || record.kind() == RecordKind.OBJECTION) {
      provision.setType(Consent.ConsentProvisionType.DENY);
      for (ConsentModule module :
          record.withdrawn().isEmpty() ? Set.of(ConsentModule.values()) : record.withdrawn()) {
        nested(provision, module, Decision.DENY, null, null);
      }
      return resource;
    }
    provision.setType(Consent.ConsentProvisionType.PERMIT);
    if (record.kind() == RecordKind.INFORMATION) {
      // Non-opposition: informed, the policy's modules are permitted until the patient objects.
      for (ConsentModule module : consent.policy().nonOppositionModules()) {
        nested(provision, module, Decision.PERMIT, form, null);
      }
      return resource;
    }
    record
        .decisions()
        .forEach(
            (module, decision) ->
                nested(provision, module, decision, form, record.validUntil(module).orElse(null)));
    return resource;
  }

  private static void nested(
      Consent.ProvisionComponent parent,
      ConsentModule module,
      Decision decision,
      ConsentForm form,
      java.time.Instant until) {
    Consent.ProvisionComponent nested = parent.addProvision();
    nested.setType(
        decision == Decision.PERMIT
            ? Consent.ConsentProvisionType.PERMIT
            : Consent.ConsentProvisionType.DENY);
    nested.addCode(new CodeableConcept(new Coding(MODULE_SYSTEM, module.code(), null)));
    if (form != null) {
      form.module(module).map(FormModule::duo).orElse(List.of()).stream()
          .map(term -> new Coding(DUO_SYSTEM, term, null))
          .forEach(nested::addPurpose);
    }
    if (until != null) {
      nested.setPeriod(new Period().setEnd(Date.from(until)));
    }
  }

  private static Reference performer(RecordEntry entry) {
    ConsentRecord record = entry.record();
    Reference performer = new Reference();
    switch (record.signer()) {
      case SELF, STAFF_PAPER -> {
        performer.setType("Patient");
        performer.setIdentifier(new Identifier().setSystem(PSN_SYSTEM).setValue(record.psn()));
      }
      case GUARDIAN, REPRESENTATIVE -> {
        performer.setType("RelatedPerson");
        performer.setDisplay(record.signer().code());
      }
    }
    return performer;
  }
}
