package eu.clinnova.portal.ui.register;

import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.PortalLanguages;
import eu.clinnova.workflow.duo.DuoTerm;
import eu.clinnova.workflow.register.PublicRegister;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /register}: the public register of data uses, for anyone, without signing in (issue 20),
 * in English, French or German ({@code ?lang=}, else the language chosen in the portal, else the
 * browser's). Plain HTML rendered on the server: it loads nothing else, reads well on a phone, can
 * be searched ({@code ?q=}) and linked to, and works without JavaScript.
 */
@WebServlet(urlPatterns = "/register")
public class PublicRegisterPage extends HttpServlet {

  static final int MAX_QUERY = 200;

  @Inject transient PublicRegister register;

  private final transient PortalLanguages texts = new PortalLanguages();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Locale locale = locale(request);
    String q = Optional.ofNullable(request.getParameter("q")).orElse("").strip();
    if (q.length() > MAX_QUERY) {
      q = q.substring(0, MAX_QUERY);
    }
    List<PublicRegister.Project> projects =
        register.projects(q.isEmpty() ? Optional.empty() : Optional.of(q));
    response.setContentType("text/html; charset=UTF-8");
    response.setHeader("Cache-Control", "no-cache");
    response.getWriter().write(new Html(locale, q, projects).page());
  }

  private static Locale locale(HttpServletRequest request) {
    Optional<Locale> asked = supported(request.getParameter("lang"));
    if (asked.isPresent()) {
      return asked.get();
    }
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if ("clinnova-lang".equals(cookie.getName())) {
          Optional<Locale> chosen = supported(cookie.getValue());
          if (chosen.isPresent()) {
            return chosen.get();
          }
        }
      }
    }
    for (Locale browser : Collections.list(request.getLocales())) {
      Optional<Locale> spoken = supported(browser.getLanguage());
      if (spoken.isPresent()) {
        return spoken.get();
      }
    }
    return Locale.ENGLISH;
  }

  private static Optional<Locale> supported(String language) {
    return PortalLanguages.LOCALES.stream()
        .filter(locale -> locale.getLanguage().equals(language))
        .findFirst();
  }

  /** One page of the register in one language. */
  private final class Html {
    private final Locale locale;
    private final String q;
    private final List<PublicRegister.Project> projects;
    private final StringBuilder out = new StringBuilder(16_384);
    private final DateTimeFormatter dates;

    Html(Locale locale, String q, List<PublicRegister.Project> projects) {
      this.locale = locale;
      this.q = q;
      this.projects = projects;
      this.dates =
          DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
              .withLocale(locale)
              .withZone(NetworkTime.ZONE);
    }

    String page() {
      String language = locale.getLanguage();
      out.append("<!DOCTYPE html><html lang=\"")
          .append(language)
          .append("\"><head>")
          .append("<meta charset=\"utf-8\">")
          // No icon: the portal's is behind sign-in, and the register must load nothing else.
          .append("<link rel=\"icon\" href=\"data:,\">")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .append("<title>")
          .append(escape(t("publicRegister.title")))
          .append(" · ")
          .append(escape(t("app.name")))
          .append("</title><style>")
          .append("body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;line-height:1.5}")
          .append("header,main{max-width:60rem;margin:0 auto;padding:0.75rem 1rem}")
          .append("header{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between}")
          .append("article{border-top:1px solid #767676;padding:0.5rem 0 1rem}")
          .append("dt{font-weight:600;margin-top:0.5rem}dd{margin:0}")
          .append("form{display:flex;flex-wrap:wrap;gap:0.5rem;align-items:end}")
          .append("input[type=search]{font:inherit;padding:0.4rem;min-width:14rem;max-width:100%}")
          .append("button{font:inherit;padding:0.4rem 1rem}")
          .append("a{color:#0645ad}h2{overflow-wrap:anywhere}")
          .append("</style></head><body><header><span>")
          .append(escape(t("app.name")))
          .append("</span><nav aria-label=\"")
          .append(escape(t("language.label")))
          .append("\">");
      for (Locale other : PortalLanguages.LOCALES) {
        String name = other.getDisplayLanguage(other);
        name = name.substring(0, 1).toUpperCase(other) + name.substring(1);
        out.append("<a lang=\"")
            .append(other.getLanguage())
            .append("\" hreflang=\"")
            .append(other.getLanguage())
            .append("\" href=\"register?lang=")
            .append(other.getLanguage())
            .append(q.isEmpty() ? "" : "&amp;q=" + escape(url(q)))
            .append("\"")
            .append(other.equals(locale) ? " aria-current=\"page\"" : "")
            .append(">")
            .append(escape(name))
            .append("</a> ");
      }
      out.append("</nav></header><main><h1>")
          .append(escape(t("publicRegister.title")))
          .append("</h1>")
          .append("<p>")
          .append(escape(t("publicRegister.intro")))
          .append("</p>")
          .append("<form method=\"get\" action=\"register\" role=\"search\">")
          .append("<input type=\"hidden\" name=\"lang\" value=\"")
          .append(language)
          .append("\">")
          .append("<div><label for=\"q\">")
          .append(escape(t("register.search")))
          .append("</label><br><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"")
          .append(MAX_QUERY)
          .append("\" value=\"")
          .append(escape(q))
          .append("\"></div>")
          .append("<button type=\"submit\">")
          .append(escape(t("register.find")))
          .append("</button></form>")
          .append("<p id=\"register-count\" role=\"status\">")
          .append(escape(t("register.count", String.valueOf(projects.size()))))
          .append("</p>");
      projects.forEach(this::project);
      out.append("</main></body></html>");
      return out.toString();
    }

    private void project(PublicRegister.Project project) {
      out.append("<article id=\"project-")
          .append(project.applicationId())
          .append("\">")
          .append("<h2>")
          .append(escape(project.title()))
          .append("</h2>")
          .append("<p>")
          .append(escape(project.laySummary()))
          .append("</p><dl>");
      term("register.organisation", escape(project.organisation()));
      StringBuilder datasets = new StringBuilder("<ul>");
      for (PublicRegister.DatasetName dataset : project.datasets()) {
        datasets.append("<li>").append(escape(dataset.title()));
        if (!dataset.jurisdiction().isEmpty()) {
          datasets
              .append(" (")
              .append(escape(t("jurisdiction." + dataset.jurisdiction())))
              .append(")");
        }
        datasets.append("</li>");
      }
      term("register.datasets", datasets.append("</ul>").toString());
      StringBuilder purpose = new StringBuilder();
      List<String> uses =
          project.duo().stream()
              .map(code -> DuoTerm.of(code).map(term -> t("duo." + term.name())).orElse(code))
              .toList();
      if (!uses.isEmpty()) {
        purpose.append(escape(String.join(", ", uses))).append(". ");
      }
      term("register.purpose", purpose.append(escape(project.purpose())).toString());
      term("register.state", escape(t("register.state." + project.state())));
      term("register.submitted", date(project.submittedAt()));
      project.decidedAt().ifPresent(at -> term("register.decided", date(at)));
      if (!project.decisions().isEmpty()) {
        StringBuilder decisions = new StringBuilder("<ul>");
        for (PublicRegister.Decision decision : project.decisions()) {
          decisions
              .append("<li>")
              .append(escape(t("jurisdiction." + decision.jurisdiction())))
              .append(escape(eu.clinnova.portal.ui.base.Punctuation.colon(locale)))
              .append(escape(t("register.decision." + decision.decision())));
          decision
              .conditions()
              .ifPresent(
                  conditions ->
                      decisions
                          .append(". ")
                          .append(escape(t("register.conditions")))
                          .append(" ")
                          .append(escape(conditions)));
          decision
              .reasons()
              .ifPresent(
                  reasons ->
                      decisions
                          .append(". ")
                          .append(escape(t("register.reasons")))
                          .append(" ")
                          .append(escape(reasons)));
          decisions.append("</li>");
        }
        term("register.decisions", decisions.append("</ul>").toString());
      }
      project.accessUntil().ifPresent(at -> term("register.accessUntil", date(at)));
      project.results().ifPresent(results -> term("register.results", escape(results)));
      if (!project.publications().isEmpty()) {
        StringBuilder list = new StringBuilder("<ul>");
        project
            .publications()
            .forEach(
                publication -> list.append("<li>").append(escape(publication)).append("</li>"));
        term("register.publications", list.append("</ul>").toString());
      }
      out.append("</dl></article>");
    }

    private void term(String key, String html) {
      out.append("<dt>").append(escape(t(key))).append("</dt><dd>").append(html).append("</dd>");
    }

    private String date(Instant at) {
      return escape(dates.format(at));
    }

    private String t(String key, Object... parameters) {
      return texts.getTranslation(key, locale, parameters);
    }
  }

  static String url(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Text as HTML: every character that could start markup or end an attribute is escaped. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
