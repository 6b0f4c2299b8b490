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
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZONE)
            .format(instant)
        + " "
        + ZONE.getDisplayName(TextStyle.SHORT, locale);
  }

  /** "5 Dec 2026". */
  public static String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }
}
