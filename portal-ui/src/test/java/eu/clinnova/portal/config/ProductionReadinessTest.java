package eu.clinnova.portal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionReadinessTest {

  private static PortalEnvironment environment(Map<String, String> settings) {
    return new PortalEnvironment(settings::get);
  }

  private static Map<String, String> production() {
    Map<String, String> settings = new HashMap<>();
    settings.put("CLINNOVA_DB_APP_PASSWORD", "s3cret-app");
    settings.put("CLINNOVA_DB_OWNER_PASSWORD", "s3cret-owner");
    settings.put("CLINNOVA_OIDC_CLIENT_SECRET", "s3cret-oidc");
    settings.put("CLINNOVA_ACCOUNTS_CLIENT_SECRET", "s3cret-accounts");
    settings.put("CLINNOVA_PUBLIC_URL", "https://portal.clinnova.eu");
    return settings;
  }

  @Test
  void aCompleteProductionEnvironmentStarts() {
    assertEquals(List.of(), ProductionReadiness.problems(environment(production())));
    ProductionReadiness.check(environment(production()));
  }

  @Test
  void withoutAnySettingTheServerRefusesAndNamesEverySecret() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class, () -> ProductionReadiness.check(environment(Map.of())));
    for (String name :
        List.of(
            "CLINNOVA_DB_APP_PASSWORD",
            "CLINNOVA_DB_OWNER_PASSWORD",
            "CLINNOVA_OIDC_CLIENT_SECRET",
            "CLINNOVA_ACCOUNTS_CLIENT_SECRET",
            "CLINNOVA_PUBLIC_URL")) {
      assertTrue(refused.getMessage().contains(name + " is missing"), refused.getMessage());
    }
  }

  @Test
  void aDevelopmentValueFromTheRepositoryIsRefusedOutsideDevelopment() {
    Map<String, String> settings = production();
    settings.put("CLINNOVA_OIDC_CLIENT_SECRET", "portal-dev-secret");
    settings.put("CLINNOVA_DB_APP_PASSWORD", " clinnova-app-dev ");
    settings.put("CLINNOVA_DEMO_DATA", "true");
    assertEquals(
        List.of(
            "CLINNOVA_DB_APP_PASSWORD is the development value from the repository",
            "CLINNOVA_OIDC_CLIENT_SECRET is the development value from the repository",
            "CLINNOVA_DEMO_DATA=true enrols the demo patients: development only"),
        ProductionReadiness.problems(environment(settings)));
  }

  @Test
  void aPublicAddressMustBeAnAbsoluteHttpAddress() {
    Map<String, String> settings = production();
    settings.put("CLINNOVA_PUBLIC_URL", "portal.clinnova.eu");
    assertEquals(1, ProductionReadiness.problems(environment(settings)).size());
    settings.put("CLINNOVA_PUBLIC_URL", "ftp://portal.clinnova.eu/");
    assertEquals(1, ProductionReadiness.problems(environment(settings)).size());
  }

  @Test
  void developmentMustBeDeclaredAndThenAllowsTheDevelopmentValues() {
    Map<String, String> settings = new HashMap<>();
    settings.put("CLINNOVA_ENVIRONMENT", "development");
    PortalEnvironment development = environment(settings);
    assertTrue(development.isDevelopment());
    assertEquals(List.of(), ProductionReadiness.problems(development));
    assertEquals(URI.create("http://localhost:8080/"), development.publicUrl());
    settings.put("CLINNOVA_ENVIRONMENT", "production");
    assertEquals(5, ProductionReadiness.problems(environment(settings)).size());
  }

  @Test
  void thePublicAddressIsTheConfiguredOneEndingInASlash() {
    Map<String, String> settings = production();
    settings.put("CLINNOVA_PUBLIC_URL", "https://portal.clinnova.eu/network");
    PortalEnvironment environment = environment(settings);
    assertEquals(URI.create("https://portal.clinnova.eu/network/"), environment.publicUrl());
    assertEquals(
        "https://portal.clinnova.eu/network/api/v1",
        environment.publicUrl().resolve("api/v1").toString());
    assertTrue(environment.servedOverHttps());
    assertThrows(IllegalStateException.class, () -> environment(Map.of()).publicUrl());
  }
}
