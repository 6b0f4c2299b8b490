package eu.clinnova.portal.ui.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Instants as staff read them: in the reader's locale, on the network's clock (Luxembourg's zone,
 * named after the time so that a reader elsewhere knows). One place, so that showing each reader
 * their own zone is one change.
 */
public final class NetworkTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/Luxembourg");

  private NetworkTime() {}

  /** "5 Dec 2026, 09:30 CET". */
  public static String dateTime(Instant instant, Locale locale) {
    return zoned(instant, locale, FormatStyle.SHORT);
  }

  /** "5 Dec 2026, 09:30:12 CET": to the second, where the order of events matters (the log). */
  public static String dateTimeSeconds(Instant instant, Locale locale) {
    return zoned(instant, locale, FormatStyle.MEDIUM);
  }

  private static String zoned(Instant instant, Locale locale, FormatStyle time) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, time)
            .withLocale(regional(locale))
            .withZone(ZONE)
            .format(instant)
        + " "
        + ZONE.getDisplayName(TextStyle.SHORT, locale);
  }

  /** "5 Dec 2026". */
  public static String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(regional(locale))
        .format(date);
  }

  /** The day of {@code instant} on the network's clock: "5 Dec 2026". */
  public static String date(Instant instant, Locale locale) {
    return date(instant.atZone(ZONE).toLocalDate(), locale);
  }

  /**
   * The country whose way of writing dates the portal uses for a language: Europe's English writes
   * the day first (5 Dec 2026, 14:30), never the American month first.
   */
  public static Locale regional(Locale language) {
    return switch (language.getLanguage()) {
      case "fr" -> Locale.FRANCE;
      case "de" -> Locale.GERMANY;
      default -> Locale.UK;
    };
  }
}
