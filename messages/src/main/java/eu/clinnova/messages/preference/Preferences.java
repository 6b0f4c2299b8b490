package eu.clinnova.messages.preference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one account wants: the language of its messages (and of the portal), and which e-mails it
 * receives. Tasks and decisions are on until turned off; releases of the patient's own data are off
 * until the patient asks for them (issue 20: "if they opt in"). Messages that are owed whatever the
 * choice (a request to consent again, a withdrawal reaching a recipient) are not optional.
 */
public record Preferences(
    String language, boolean emailTasks, boolean emailDecisions, boolean emailReleasesOfMyData) {

  /** The languages the portal speaks. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "de");

  public Preferences {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("not a language of the portal: " + language);
    }
  }

  /**
   * The choices of an account that made none: the language its account or browser names if the
   * portal speaks it, else English.
   */
  public static Preferences defaults(Optional<String> language) {
    String code =
        language
            .map(tag -> Locale.forLanguageTag(tag.replace('_', '-')).getLanguage())
            .filter(LANGUAGES::contains)
            .orElse("en");
    return new Preferences(code, true, true, false);
  }

  /** Whether an e-mail of {@code category} goes out under these choices. */
  public boolean wants(MessageCategory category) {
    return switch (category) {
      case TASKS -> emailTasks;
      case DECISIONS -> emailDecisions;
      case RELEASES_OF_MY_DATA -> emailReleasesOfMyData;
      case OWED -> true;
    };
  }
}
