package eu.clinnova.portal.ui.base;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;
import org.wildfly.security.http.oidc.RefreshableOidcSecurityContext;

/**
 * Signs out of the portal and of Keycloak. WildFly's OIDC client has no RP-initiated logout
 * setting, so this ends the local session and sends the browser to Keycloak's end-session endpoint,
 * which returns it to the portal's start page (and so to the login page).
 */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Principal principal = request.getUserPrincipal();
    String idToken = null;
    String endSession = null;
    if (principal instanceof OidcPrincipal<?> oidc) {
      OidcSecurityContext context = oidc.getOidcSecurityContext();
      idToken = context.getIDTokenString();
      if (context instanceof RefreshableOidcSecurityContext refreshable
          && refreshable.getOidcClientConfiguration() != null) {
        endSession = refreshable.getOidcClientConfiguration().getLogoutUrl();
      }
    }
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    String home = startPage(request);
    if (endSession == null) {
      response.sendRedirect(home);
      return;
    }
    StringBuilder target =
        new StringBuilder(endSession)
            .append(endSession.contains("?") ? '&' : '?')
            .append("client_id=portal&post_logout_redirect_uri=")
            .append(URLEncoder.encode(home, StandardCharsets.UTF_8));
    if (idToken != null) {
      target.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
    }
    response.sendRedirect(target.toString());
  }

  /** The portal's configured public address: a redirect never follows the request's Host. */
  private static String startPage(HttpServletRequest request) {
    return eu.clinnova.portal.config.PortalEnvironment.current().publicUrl().toString();
  }
}
