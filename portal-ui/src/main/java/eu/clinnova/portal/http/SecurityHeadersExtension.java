package eu.clinnova.portal.http;

import eu.clinnova.portal.config.PortalEnvironment;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HttpString;
import jakarta.servlet.ServletContext;
import java.util.Map;

/**
 * Puts {@link SecurityHeaders} on every response of the deployment: pages, the API, static files,
 * error pages and the login redirects of the OIDC mechanism alike. A servlet filter would miss the
 * last ones, which the security handler answers before any filter runs; this handler wraps the
 * whole chain and sets the headers just before the response is committed, so that nothing the
 * application does later (a reset, an error page) drops them. A header the application set itself
 * (a download's stricter policy) is kept.
 */
public class SecurityHeadersExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    SecurityHeaders headers = new SecurityHeaders(PortalEnvironment.current().servedOverHttps());
    deployment.addOuterHandlerChainWrapper(next -> new Handler(next, headers));
  }

  private record Handler(HttpHandler next, SecurityHeaders headers) implements HttpHandler {

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
      exchange.addResponseCommitListener(
          committed -> {
            for (Map.Entry<String, String> header :
                headers.forPath(committed.getRequestPath()).entrySet()) {
              HttpString name = HttpString.tryFromString(header.getKey());
              if (!committed.getResponseHeaders().contains(name)) {
                committed.getResponseHeaders().put(name, header.getValue());
              }
            }
          });
      next.handleRequest(exchange);
    }
  }
}
