package eu.clinnova.consent.receipt;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * An instant as a person reads it on paper: in the document's language, on the network's clock
 * (Luxembourg's zone, every node's), with the zone named. The JSON keeps the ISO instant for
 * machines; the PDF is for people.
 */
final class ReceiptTime {

  static final ZoneId ZONE = ZoneId.of("Europe/Luxembourg");

  private ReceiptTime() {}

  /** "28 Nov 2026, 11:15 CET" in {@code language}. */
  static String of(String isoInstant, String language) {
    Locale locale = Locale.forLanguageTag(language);
    String text =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZONE)
                .format(Instant.parse(isoInstant))
            + " "
            + ZONE.getDisplayName(TextStyle.SHORT, locale);
    // The standard PDF fonts lack the narrow no-break space some locales put in times.
    return text.replace('\u202f', ' ').replace('\u00a0', ' ');
  }

  /** "28 Nov 2026" in {@code language}. */
  static String date(String isoInstant, String language) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(Locale.forLanguageTag(language))
        .withZone(ZONE)
        .format(Instant.parse(isoInstant))
        .replace('\u202f', ' ')
        .replace('\u00a0', ' ');
  }
}
