package eu.clinnova.workflow.register;

import eu.clinnova.consent.domain.ConsentBasis;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.Purpose;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import eu.clinnova.workflow.entitlement.Entitlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How an approved application reads as a processing activity (plain rules, no framework): what its
 * purpose, datasets, team and access period say, in the record's words (English, the language of
 * the record kept for the supervisory authorities).
 */
public final class ActivityRules {

  /** What the portal does for every release: the same for every activity. */
  static final List<String> SECURITY =
      List.of(
          "Pseudonymised data only: patients are known to the network by pseudonyms issued by their"
              + " hospital; no names or direct identifiers leave the hospitals",
          "Data stay on the hospitals' federated nodes; each release is decided by the release"
              + " gate per subject, on the patient's consent for the purpose, a valid entitlement"
              + " and a valid ethics approval",
          "Release decisions signed (ES256 tokens) and every decision appended, before it is"
              + " answered, to a publicly verifiable transparency log (RFC 9162)",
          "Role- and jurisdiction-based access through the network's identity provider (OpenID"
              + " Connect), checked on the server for every call; reads of personal data logged",
          "Encryption in transit (TLS) between every party",
          "A signed data access agreement binding every recipient");

  /**
   * EU and EEA law does not apply to Switzerland as a member state: Swiss data crosses a border.
   */
  static final String SWITZERLAND_SAFEGUARD =
      "European Commission adequacy decision 2000/518/EC for Switzerland; the Swiss Federal Act on"
          + " Data Protection (FADP, Annex 1 of the Data Protection Ordinance) recognises the"
          + " EU/EEA states as adequate";

  private ActivityRules() {}

  /**
   * The activity of {@code application} (approved), over its datasets, under the jurisdictions'
   * consent bases, with the access its entitlements grant.
   */
  public static ProcessingActivity of(
      Application application,
      Map<String, Dataset> datasets,
      Map<String, ConsentBasis> bases,
      List<Entitlement> entitlements) {
    ApplicationDocument document = application.document();
    List<Dataset> used =
        document.datasets().stream().map(datasets::get).filter(d -> d != null).toList();
    Set<String> jurisdictions = new LinkedHashSet<>();
    used.forEach(dataset -> jurisdictions.add(dataset.jurisdiction()));
    Optional<Instant> from =
        entitlements.stream().map(Entitlement::validFrom).min(Comparator.naturalOrder());
    Optional<Instant> until =
        entitlements.stream().map(Entitlement::validUntil).max(Comparator.naturalOrder());
    return new ProcessingActivity(
        application.id(),
        document.title().orElse("(untitled)"),
        purposes(document.purpose()),
        legalBasis(jurisdictions, bases),
        used.stream().map(ActivityRules::subjectsOf).toList(),
        categories(used),
        recipients(application),
        jurisdictions.contains("CH")
            ? List.of(new ProcessingActivity.Transfer("CH", SWITZERLAND_SAFEGUARD))
            : List.of(),
        until
            .map(
                end ->
                    "Access until "
                        + end
                        + "; then the recipients erase or return the data as the data access"
                        + " agreement requires. The release decisions and their log entries are"
                        + " kept for as long as the network exists.")
            .orElse("Access not yet granted: the data access agreement is not yet accepted."),
        SECURITY,
        from,
        until);
  }

  static List<String> purposes(Optional<Purpose> purpose) {
    if (purpose.isEmpty()) {
      return List.of("Scientific research (no purpose stated)");
    }
    List<String> purposes = new ArrayList<>();
    String category =
        purpose.get().duo().stream()
            .map(DuoTerm::of)
            .flatMap(Optional::stream)
            .filter(DuoTerm::isPermission)
            .findFirst()
            .map(ActivityRules::permission)
            .orElse("Scientific research");
    purposes.add(
        category
            + purpose.get().disease().map(term -> " on " + Diseases.name(term)).orElse("")
            + ": "
            + purpose.get().description());
    if (purpose.get().aiTraining()) {
      purposes.add("Training and validating artificial intelligence models");
    }
    if (purpose.get().genetic()) {
      purposes.add("Genetic research");
    }
    if (purpose.get().commercial() || purpose.get().forProfit()) {
      purposes.add("Research with commercial or for-profit use");
    }
    return purposes;
  }

  private static String permission(DuoTerm term) {
    return switch (term) {
      case GRU -> "General research use";
      case HMB -> "Health or medical research";
      case DS -> "Disease-specific research";
      case POA -> "Population origins or ancestry research";
      default -> "Scientific research";
    };
  }

  static String legalBasis(Set<String> jurisdictions, Map<String, ConsentBasis> bases) {
    Map<String, String> each = new TreeMap<>();
    for (String jurisdiction : jurisdictions) {
      ConsentBasis basis = bases.get(jurisdiction);
      each.put(jurisdiction, basis == null ? "see the jurisdiction's policy" : words(basis));
    }
    StringBuilder text = new StringBuilder();
    each.forEach(
        (jurisdiction, words) ->
            text.append(text.length() == 0 ? "" : "; ")
                .append(jurisdiction)
                .append(": ")
                .append(words));
    return text.toString();
  }

  private static String words(ConsentBasis basis) {
    return switch (basis) {
      case EXPLICIT -> "explicit consent per purpose (GDPR Art. 6(1)(a) and Art. 9(2)(a))";
      case NON_OPPOSITION ->
          "public interest in research with the patient informed and not objecting (GDPR Art."
              + " 6(1)(e) and Art. 9(2)(j); French Public Health Code, non-opposition)";
      case BROAD_CONSENT ->
          "broad consent of the Medical Informatics Initiative, per module and period (GDPR Art."
              + " 6(1)(a) and Art. 9(2)(a))";
      case GENERAL_CONSENT ->
          "general consent for research with coded data (Swiss Human Research Act Art. 32 and"
              + " 33), explicit for genetic data and cross-border use";
    };
  }

  static String subjectsOf(Dataset dataset) {
    return "Patients of the "
        + cohort(dataset.cohort())
        + " cohort at "
        + dataset.jurisdiction()
        + " hospitals (dataset "
        + dataset.id()
        + ", "
        + dataset.subjects()
        + " patients) who permitted "
        + String.join(", ", dataset.requiredModules())
        + " and the purpose's own modules";
  }

  static List<String> categories(List<Dataset> datasets) {
    Set<String> categories = new LinkedHashSet<>();
    for (Dataset dataset : datasets) {
      categories.add(
          "Pseudonymised health data concerning "
              + cohort(dataset.cohort())
              + " (GDPR Art. 9): "
              + dataset.title());
      if (dataset.requiredModules().contains("SAMPLES")) {
        categories.add("Data derived from biological samples");
      }
      if (dataset.requiredModules().contains("GENETIC")) {
        categories.add("Genetic data (GDPR Art. 4(13))");
      }
    }
    return List.copyOf(categories);
  }

  static List<String> recipients(Application application) {
    List<String> recipients = new ArrayList<>();
    recipients.add(application.ownerName() + " (applicant)");
    application
        .document()
        .team()
        .forEach(
            member ->
                recipients.add(
                    member.name()
                        + (member.affiliation() == null || member.affiliation().isBlank()
                            ? ""
                            : " (" + member.affiliation() + ")")));
    return recipients;
  }

  private static String cohort(String code) {
    return switch (code) {
      case "IBD" -> "inflammatory bowel disease";
      case "RA" -> "rheumatoid disease";
      case "MS" -> "multiple sclerosis";
      default -> code;
    };
  }
}
