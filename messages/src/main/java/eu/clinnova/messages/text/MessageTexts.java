package eu.clinnova.messages.text;

import java.net.URI;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The e-mails' words in English, French and German ({@code messages*.properties} beside this
 * class): a subject and a text per kind of message, naming the application and the jurisdiction in
 * the reader's language (and, in a withdrawal notice, the one patient's pseudonym, what they
 * withdrew and the release that had included them), the link to the page, and a footer that says
 * the message is automatic and where to choose what arrives by e-mail.
 */
public final class MessageTexts {

  private static final String BUNDLE = "eu.clinnova.messages.text.messages";

  /** The page where each person chooses their language and e-mails. */
  public static final String SETTINGS_PAGE = "/settings";

  private final URI publicUrl;

  /** Texts whose links start at {@code publicUrl} (the portal's address as its users reach it). */
  public MessageTexts(URI publicUrl) {
    String base = publicUrl.toString();
    this.publicUrl = URI.create(base.endsWith("/") ? base : base + "/");
  }

  /** A written message: the subject line and the plain-text body. */
  public record Written(String subject, String body) {}

  /**
   * The message of {@code kind} in {@code language}, with its facts ({@code title}, {@code
   * jurisdiction}) and a link to {@code link} (a path of the portal).
   */
  public Written write(String kind, String language, Map<String, String> facts, String link) {
    // No fallback to the server's own locale: a language without its file reads the English base.
    ResourceBundle words =
        ResourceBundle.getBundle(
            BUNDLE,
            Locale.forLanguageTag(language),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String known = has(words, kind + ".subject") ? kind : "other";
    String modules = facts.getOrDefault("modules", "");
    Object[] arguments = {
      facts.getOrDefault("title", ""),
      jurisdiction(words, facts.get("jurisdiction")),
      facts.getOrDefault("psn", ""),
      modules.equals("*") ? words.getString("modules.all") : modules,
      facts.getOrDefault("dataset", ""),
      facts.getOrDefault("released", ""),
      facts.getOrDefault("withdrawn", "")
    };
    String subject = format(words, known + ".subject", language, arguments);
    String body =
        String.join(
            "\n",
            words.getString("greeting"),
            "",
            format(words, known + ".body", language, arguments),
            "",
            address(link),
            "",
            "-- ",
            format(words, "footer", language, new Object[] {address(SETTINGS_PAGE)}));
    return new Written(subject, body + "\n");
  }

  /** The absolute address of a page of the portal. */
  public String address(String path) {
    return publicUrl.resolve(path.startsWith("/") ? path.substring(1) : path).toString();
  }

  private static String jurisdiction(ResourceBundle words, String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String key = "jurisdiction." + code;
    return has(words, key) ? words.getString(key) : code;
  }

  private static String format(
      ResourceBundle words, String key, String language, Object[] arguments) {
    return new MessageFormat(words.getString(key), Locale.forLanguageTag(language))
        .format(arguments);
  }

  private static boolean has(ResourceBundle words, String key) {
    try {
      words.getString(key);
      return true;
    } catch (MissingResourceException e) {
      return false;
    }
  }
}
