package eu.clinnova.portal.ui.base;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.WrappedSession;
import eu.clinnova.kernel.Caller;
import eu.clinnova.messages.preference.AccountPreferences;
import eu.clinnova.messages.preference.Preferences;
import eu.clinnova.portal.identity.CallerResolver;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.Cookie;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * Which language a person reads: the one chosen in this session; else, once signed in, the one
 * their account keeps (chosen on any device: issue 21, "the language choice is kept per browser,
 * not per account"); else the one chosen on this browser (a cookie for a year, so it survives
 * signing out); else the browser's first supported language; else English.
 */
public final class LanguagePreference {

  static final String COOKIE = "clinnova-lang";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private LanguagePreference() {}

  /** The session's language, once known (chosen here, or read from the account at sign-in). */
  static final String SESSION = "clinnova.language";

  public static Locale of(VaadinRequest request) {
    if (request == null) {
      return Locale.ENGLISH;
    }
    WrappedSession session = request.getWrappedSession(false);
    if (session != null && session.getAttribute(SESSION) instanceof String chosen) {
      return PortalLanguages.supported(Locale.forLanguageTag(chosen));
    }
    Optional<Locale> account = accountLanguage(request);
    if (account.isPresent()) {
      if (session != null) {
        session.setAttribute(SESSION, account.get().getLanguage());
      }
      return account.get();
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

  /** The language the signed-in account chose in the portal, if it ever chose one. */
  private static Optional<Locale> accountLanguage(VaadinRequest request) {
    Optional<Caller> caller = new CallerResolver().resolve(request.getUserPrincipal());
    if (caller.isEmpty()) {
      return Optional.empty();
    }
    return CDI.current()
        .select(AccountPreferences.class)
        .get()
        .chosen(caller.get().subject())
        .map(chosen -> PortalLanguages.supported(Locale.forLanguageTag(chosen.language())));
  }

  /**
   * Remembers {@code locale} for this session, this browser, and (signed in) the account, so that
   * the person finds it on any device and their e-mails are written in it.
   */
  public static void choose(Locale locale, VaadinRequest request, VaadinResponse response) {
    remember(locale, request, response);
    if (request == null) {
      return;
    }
    new CallerResolver()
        .resolve(request.getUserPrincipal())
        .ifPresent(
            caller -> {
              AccountPreferences preferences = CDI.current().select(AccountPreferences.class).get();
              Preferences current =
                  preferences.of(caller.subject(), Optional.of(locale.getLanguage()));
              preferences.save(
                  caller.subject(),
                  caller.psn(),
                  new Preferences(
                      locale.getLanguage(),
                      current.emailTasks(),
                      current.emailDecisions(),
                      current.emailReleasesOfMyData()));
            });
  }

  public static void remember(Locale locale, VaadinRequest request, VaadinResponse response) {
    if (request != null && request.getWrappedSession(false) != null) {
      request.getWrappedSession(false).setAttribute(SESSION, locale.getLanguage());
    }
    Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
    cookie.setPath("/");
    cookie.setMaxAge(ONE_YEAR);
    cookie.setHttpOnly(true);
    cookie.setSecure(request != null && request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }
}
