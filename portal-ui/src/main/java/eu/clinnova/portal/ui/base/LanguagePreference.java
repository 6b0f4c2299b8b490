package eu.clinnova.portal.ui.base;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;
import java.util.Collections;
import java.util.Locale;

/**
 * Which language a person reads: the one they chose (kept in a cookie for a year, so it survives
 * signing out), else the browser's first supported language, else English.
 */
public final class LanguagePreference {

  static final String COOKIE = "clinnova-lang";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private LanguagePreference() {}

  public static Locale of(VaadinRequest request) {
    if (request == null) {
      return Locale.ENGLISH;
    }
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (COOKIE.equals(cookie.getName())) {
          return PortalLanguages.supported(Locale.forLanguageTag(cookie.getValue()));
        }
      }
    }
    for (Locale locale : Collections.list(request.getLocales())) {
      for (Locale supported : PortalLanguages.LOCALES) {
        if (supported.getLanguage().equals(locale.getLanguage())) {
          return supported;
        }
      }
    }
    return Locale.ENGLISH;
  }

  public static void remember(Locale locale, VaadinRequest request, VaadinResponse response) {
    Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
    cookie.setPath("/");
    cookie.setMaxAge(ONE_YEAR);
    cookie.setHttpOnly(true);
    cookie.setSecure(request != null && request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }
}
