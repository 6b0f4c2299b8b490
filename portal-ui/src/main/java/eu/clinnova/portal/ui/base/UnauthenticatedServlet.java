package eu.clinnova.portal.ui.base;

import eu.clinnova.portal.api.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's 401 page, answered in the form each caller understands: problem details for the
 * API; for Vaadin's UIDL requests its "session expired" message, so that the page reloads into the
 * login instead of retrying forever; 403 for its heartbeat.
 */
@WebServlet(urlPatterns = "/unauthenticated")
public class UnauthenticatedServlet extends HttpServlet {

  private static final String VAADIN_SESSION_EXPIRED =
      "for(;;);[{\"meta\":{\"sessionExpired\":true}}]";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    String query = String.valueOf(request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING));
    String originalQuery = request.getQueryString() == null ? query : request.getQueryString();
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (uri.startsWith("/api/")) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"clinnova\"");
      response.setContentType(Problem.MEDIA_TYPE);
      response
          .getWriter()
          .write(Problem.unauthorized("The bearer token is invalid or has expired.").toJson());
    } else if (originalQuery != null && originalQuery.contains("v-r=heartbeat")) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    } else if (originalQuery != null && originalQuery.contains("v-r=uidl")) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
      response.getWriter().write(VAADIN_SESSION_EXPIRED);
    } else {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("text/plain");
      response
          .getWriter()
          .write("Your session has ended. Please reload the page to sign in again.");
    }
  }
}
