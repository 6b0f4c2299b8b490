package eu.clinnova.portal.api.health;

import eu.clinnova.portal.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Keycloak's realm publishes its OpenID configuration: logins and token checks can work. */
@ApplicationScoped
class IdentityProviderHealthCheck implements HealthCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Override
  public String name() {
    return "identity-provider";
  }

  @Override
  public Result check() {
    // The same setting (and default) as the server's elytron-oidc-client provider.
    String provider =
        Settings.value("CLINNOVA_OIDC_PROVIDER_URL", "http://localhost:8180/realms/clinnova");
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(provider + "/.well-known/openid-configuration"))
                  .timeout(TIMEOUT)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200
          ? Result.up("Keycloak realm reachable")
          : Result.down("Keycloak answered " + response.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      return Result.down("Keycloak unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.down("Interrupted");
    }
  }
}
