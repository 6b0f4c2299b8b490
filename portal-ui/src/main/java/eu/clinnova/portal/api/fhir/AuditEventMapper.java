package eu.clinnova.portal.api.fhir;

import eu.clinnova.audit.log.StoredEntry;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A log entry as a FHIR R4 AuditEvent following IHE BALP where a pattern fits: a release decision
 * is an authorization decision using consent (type Security Alert, subtype AuthZ-Consent), a
 * release to a recipient a privacy disclosure (type Export, subtype disclose). The entry's index
 * and leaf hash travel along, so the resource can be matched to the verifiable log.
 */
public final class AuditEventMapper {

  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String ACTION_SYSTEM = "https://clinnova.eu/fhir/CodeSystem/audit-action";
  static final String ROLE_SYSTEM = "https://clinnova.eu/fhir/CodeSystem/role";
  static final String SUBJECT_SYSTEM = "https://clinnova.eu/fhir/identifier/";
  static final String BALP_AUTHZ = "https://profiles.ihe.net/ITI/BALP/CodeSystem/AuthZsubType";
  static final String LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";
  static final String PSN_SYSTEM = "https://clinnova.eu/fhir/identifier/psn";

  /** The event type of an action, by its dotted prefix; the portal's own activity otherwise. */
  private static final Map<String, Coding> TYPES =
      Map.of(
          "release.decided", new Coding(DCM, "110113", "Security Alert"),
          "release.disclosed", new Coding(DCM, "110106", "Export"),
          "consent", new Coding(DCM, "110110", "Patient Record"),
          "patient", new Coding(DCM, "110110", "Patient Record"),
          "portal", new Coding(DCM, "110100", "Application Activity"));

  private AuditEventMapper() {}

  public static AuditEvent toFhir(StoredEntry entry, String observer) {
    AuditEvent event = new AuditEvent();
    event.setId(String.valueOf(entry.index()));
    event.setType(type(entry.action()));
    event.addSubtype(new Coding(ACTION_SYSTEM, entry.action(), null));
    if (entry.action().equals("release.decided")) {
      event.addSubtype(
          new Coding(
              BALP_AUTHZ, "AuthZ-Consent", "Authorization Decision using Roles and Consent"));
    } else if (entry.action().equals("release.disclosed")) {
      event.addSubtype(new Coding(LIFECYCLE, "disclose", "Disclose Record Lifecycle Event"));
    } else if (entry.action().equals("portal.started")) {
      event.addSubtype(new Coding(DCM, "110120", "Application Start"));
    }
    event.setAction(action(entry.action()));
    event.setRecorded(Date.from(entry.time()));
    outcome(event, entry);
    profile(event, entry).ifPresent(profile -> event.getMeta().addProfile(profile));

    AuditEvent.AuditEventAgentComponent agent = event.addAgent();
    agent.setRequestor(true);
    agent.setType(new CodeableConcept(new Coding(ROLE_SYSTEM, entry.actorRole(), null)));
    agent.setWho(
        new Reference()
            .setIdentifier(
                new Identifier().setSystem(SUBJECT_SYSTEM + "user").setValue(entry.actorSub())));

    event.getSource().setObserver(new Reference().setDisplay(observer));
    event
        .getSource()
        .addType(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/security-source-type",
                "4",
                "Application Server"));

    AuditEvent.AuditEventEntityComponent subject = event.addEntity();
    String system =
        entry.subjectType().equals("patient") ? PSN_SYSTEM : SUBJECT_SYSTEM + entry.subjectType();
    subject.setWhat(
        new Reference()
            .setIdentifier(new Identifier().setSystem(system).setValue(entry.subjectId())));
    subject.setType(
        new Coding(
            "http://terminology.hl7.org/CodeSystem/audit-entity-type",
            entry.subjectType().equals("patient") ? "1" : "2",
            entry.subjectType().equals("patient") ? "Person" : "System Object"));
    subject
        .addDetail()
        .setType("clinnova.log.index")
        .setValue(new StringType(String.valueOf(entry.index())));
    subject
        .addDetail()
        .setType("clinnova.log.leafHash")
        .setValue(new Base64BinaryType(entry.leafHash()));
    subject.addDetail().setType("clinnova.log.leaf").setValue(new Base64BinaryType(entry.leaf()));
    return event;
  }

  /** IHE Basic Audit Log Patterns (BALP) profiles the resources follow. */
  static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";

  /**
   * The BALP profile an entry follows: a release decision is an authorization decision on consent
   * (AuthZconsent); a change or read about a patient is the patient's Create, Update, Delete or
   * Read; any other entry the generic pattern of its action.
   */
  static java.util.Optional<String> profile(AuditEvent event, StoredEntry entry) {
    if (entry.action().equals("release.decided")) {
      return java.util.Optional.of(BALP + "IHE.BasicAudit.AuthZconsent");
    }
    String verb =
        switch (event.getAction()) {
          case C -> "Create";
          case R -> "Read";
          case U -> "Update";
          case D -> "Delete";
          default -> null;
        };
    if (verb == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        BALP + "IHE.BasicAudit." + (entry.subjectType().equals("patient") ? "Patient" : "") + verb);
  }

  /**
   * Whether what the entry records succeeded: a release denied for every subject is a minor failure
   * (4), with the decision's reasons; a partial release succeeds (0) and says how many of how many
   * subjects were permitted; a refused or failed step fails.
   */
  static void outcome(AuditEvent event, StoredEntry entry) {
    event.setOutcome(AuditEventOutcome._0);
    if (entry.action().endsWith(".refused") || entry.action().endsWith(".failed")) {
      event.setOutcome(AuditEventOutcome._4);
      return;
    }
    if (!entry.action().equals("release.decided")) {
      return;
    }
    jakarta.json.JsonObject data = leafData(entry);
    String decision = data.getString("decision", "");
    if (decision.equals("deny")) {
      event.setOutcome(AuditEventOutcome._4);
      event.setOutcomeDesc(
          "denied: "
              + data.getJsonArray("reasons").getValuesAs(jakarta.json.JsonString.class).stream()
                  .map(jakarta.json.JsonString::getString)
                  .collect(java.util.stream.Collectors.joining(", ")));
    } else if (decision.equals("partial")) {
      event.setOutcomeDesc(
          "partial: "
              + data.getInt("permitted", 0)
              + " of "
              + data.getInt("requested", 0)
              + " subjects permitted");
    }
  }

  private static jakarta.json.JsonObject leafData(StoredEntry entry) {
    try (var reader =
        eu.clinnova.kernel.json.Jsonp.JSON.createReader(
            new java.io.ByteArrayInputStream(entry.leaf()))) {
      jakarta.json.JsonObject leaf = reader.readObject();
      return leaf.containsKey("data")
          ? leaf.getJsonObject("data")
          : jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  static Coding type(String action) {
    Coding exact = TYPES.get(action);
    if (exact != null) {
      return exact.copy();
    }
    Coding byContext = TYPES.get(action.substring(0, action.indexOf('.')));
    return byContext != null ? byContext.copy() : new Coding(DCM, "110100", "Application Activity");
  }

  /** Create, read, update, delete or execute, from the action's verb. */
  static AuditEventAction action(String action) {
    String verb = action.substring(action.lastIndexOf('.') + 1);
    return switch (verb) {
      case "recorded", "enrolled", "created", "submitted", "granted", "published" ->
          AuditEventAction.C;
      case "revoked", "deleted" -> AuditEventAction.D;
      case "withdrawn", "updated", "returned", "amended", "suspended" -> AuditEventAction.U;
      case "read", "viewed", "exported" -> AuditEventAction.R;
      default -> AuditEventAction.E;
    };
  }
}
