package eu.clinnova.consent.receipt;

import java.util.List;
import java.util.Map;

/** The receipt's own wording in English, French and German. */
final class ReceiptTexts {

  static final List<String> LANGUAGES = List.of("en", "fr", "de");

  private static final Map<String, Map<String, String>> TEXTS =
      Map.of(
          "en",
          Map.ofEntries(
              Map.entry("title", "Consent receipt"),
              Map.entry("statement.title", "Your consent choices now"),
              Map.entry("statement.asOf", "As of"),
              Map.entry("statement.summary", "You allow {allowed} of {total} uses of your data."),
              Map.entry("since", "since"),
              Map.entry(
                  "statement.note",
                  "This statement shows your decisions at the time above. Each change you make has its own receipt in your history."),
              Map.entry("jurisdiction.LU", "Luxembourg"),
              Map.entry("jurisdiction.FR", "France (Grand Est)"),
              Map.entry("jurisdiction.DE", "Germany (Baden-Württemberg)"),
              Map.entry("jurisdiction.CH", "Switzerland (Basel)"),
              Map.entry("receipt", "Receipt"),
              Map.entry("recorded", "Recorded at"),
              Map.entry("pseudonym", "Your pseudonym"),
              Map.entry("jurisdiction", "Jurisdiction"),
              Map.entry("controller", "Data controller"),
              Map.entry("form", "Consent form"),
              Map.entry("hash", "SHA-256 of the text you saw"),
              Map.entry("signer", "Signed by"),
              Map.entry("decisions", "Your decisions"),
              Map.entry("until", "valid until"),
              Map.entry("permit", "yes"),
              Map.entry("deny", "no"),
              Map.entry("permit-unless-objection", "yes, unless you object"),
              Map.entry("given", "Consent given"),
              Map.entry("withdrawn", "Consent withdrawn"),
              Map.entry("objected", "Objection to any reuse"),
              Map.entry("informed", "You were informed"),
              Map.entry("capacity-regained", "You regained capacity: please decide for yourself"),
              Map.entry(
                  "withdrawal.method",
                  "You can change or withdraw your consent at any time at {portal} (My consent),"
                      + " or in writing to your hospital."),
              Map.entry("self", "you"),
              Map.entry("guardian", "your guardian"),
              Map.entry("representative", "your legal representative"),
              Map.entry("staff-paper", "you, on paper (recorded by staff)")),
          "fr",
          Map.ofEntries(
              Map.entry("title", "Reçu de consentement"),
              Map.entry("statement.title", "Vos choix de consentement actuels"),
              Map.entry("statement.asOf", "À la date du"),
              Map.entry(
                  "statement.summary",
                  "Utilisations de vos données que vous autorisez : {allowed} sur {total}."),
              Map.entry("since", "depuis le"),
              Map.entry(
                  "statement.note",
                  "Ce document indique vos décisions à la date ci-dessus. Chaque modification a son propre reçu dans votre historique."),
              Map.entry("jurisdiction.LU", "Luxembourg"),
              Map.entry("jurisdiction.FR", "France (Grand Est)"),
              Map.entry("jurisdiction.DE", "Allemagne (Bade-Wurtemberg)"),
              Map.entry("jurisdiction.CH", "Suisse (Bâle)"),
              Map.entry("receipt", "Reçu"),
              Map.entry("recorded", "Enregistré le"),
              Map.entry("pseudonym", "Votre pseudonyme"),
              Map.entry("jurisdiction", "Juridiction"),
              Map.entry("controller", "Responsable du traitement"),
              Map.entry("form", "Formulaire de consentement"),
              Map.entry("hash", "SHA-256 du texte que vous avez vu"),
              Map.entry("signer", "Signé par"),
              Map.entry("decisions", "Vos décisions"),
              Map.entry("until", "valable jusqu’au"),
              Map.entry("permit", "oui"),
              Map.entry("deny", "non"),
              Map.entry("permit-unless-objection", "oui, sauf opposition de votre part"),
              Map.entry("given", "Consentement donné"),
              Map.entry("withdrawn", "Consentement retiré"),
              Map.entry("objected", "Opposition à toute réutilisation"),
              Map.entry("informed", "Vous avez été informé"),
              Map.entry(
                  "capacity-regained", "Vous avez recouvré votre capacité : décidez vous-même"),
              Map.entry(
                  "withdrawal.method",
                  "Vous pouvez modifier ou retirer votre consentement à tout moment sur {portal}"
                      + " (Mon consentement), ou par écrit auprès de votre hôpital."),
              Map.entry("self", "vous"),
              Map.entry("guardian", "votre représentant légal (parent)"),
              Map.entry("representative", "votre représentant légal"),
              Map.entry("staff-paper", "vous, sur papier (enregistré par le personnel)")),
          "de",
          Map.ofEntries(
              Map.entry("title", "Einwilligungsbeleg"),
              Map.entry("statement.title", "Ihre aktuellen Einwilligungsentscheidungen"),
              Map.entry("statement.asOf", "Stand"),
              Map.entry(
                  "statement.summary",
                  "Sie erlauben {allowed} von {total} Verwendungen Ihrer Daten."),
              Map.entry("since", "seit"),
              Map.entry(
                  "statement.note",
                  "Dieses Dokument zeigt Ihre Entscheidungen zum oben genannten Zeitpunkt. Jede Änderung hat ihren eigenen Beleg in Ihrem Verlauf."),
              Map.entry("jurisdiction.LU", "Luxemburg"),
              Map.entry("jurisdiction.FR", "Frankreich (Grand Est)"),
              Map.entry("jurisdiction.DE", "Deutschland (Baden-Württemberg)"),
              Map.entry("jurisdiction.CH", "Schweiz (Basel)"),
              Map.entry("receipt", "Beleg"),
              Map.entry("recorded", "Erfasst am"),
              Map.entry("pseudonym", "Ihr Pseudonym"),
              Map.entry("jurisdiction", "Rechtsraum"),
              Map.entry("controller", "Verantwortlicher"),
              Map.entry("form", "Einwilligungsformular"),
              Map.entry("hash", "SHA-256 des Textes, den Sie gesehen haben"),
              Map.entry("signer", "Unterschrieben von"),
              Map.entry("decisions", "Ihre Entscheidungen"),
              Map.entry("until", "gültig bis"),
              Map.entry("permit", "ja"),
              Map.entry("deny", "nein"),
              Map.entry("permit-unless-objection", "ja, sofern Sie nicht widersprechen"),
              Map.entry("given", "Einwilligung erteilt"),
              Map.entry("withdrawn", "Einwilligung widerrufen"),
              Map.entry("objected", "Widerspruch gegen jede Weiterverwendung"),
              Map.entry("informed", "Sie wurden informiert"),
              Map.entry(
                  "capacity-regained",
                  "Sie sind wieder einwilligungsfähig: bitte entscheiden Sie selbst"),
              Map.entry(
                  "withdrawal.method",
                  "Sie können Ihre Einwilligung jederzeit unter {portal} (Meine Einwilligung)"
                      + " ändern oder widerrufen, oder schriftlich bei Ihrem Krankenhaus."),
              Map.entry("self", "Sie"),
              Map.entry("guardian", "Ihr Sorgeberechtigter"),
              Map.entry("representative", "Ihre gesetzliche Vertretung"),
              Map.entry("staff-paper", "Sie, auf Papier (vom Personal erfasst)")));

  private ReceiptTexts() {}

  static String text(String language, String key) {
    Map<String, String> texts = TEXTS.getOrDefault(language, TEXTS.get("en"));
    return texts.getOrDefault(key, TEXTS.get("en").getOrDefault(key, key));
  }
}
