package eu.clinnova.portal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionReadinessTest {

  private static PortalEnvironment environment(Map<String, String> settings) {
    return new PortalEnvironment(settings::get);
  }

  @TempDir static Path files;

  /** A controllers' file as a production server has one: the network's and each node's. */
  private static String controllersFile(String suffix) {
    StringBuilder json = new StringBuilder("{");
    for (String key : List.of("network", "LU", "FR", "DE", "CH")) {
      json.append(json.length() > 1 ? "," : "")
          .append('"')
          .append(key)
          .append("\":{\"name\":\"Clinnova ")
          .append(key)
          .append("\",\"contact\":\"privacy@")
          .append(key.toLowerCase(java.util.Locale.ROOT))
          .append(".clinnova")
          .append(suffix)
          .append("\",\"dpo\":\"dpo@clinnova.eu\",\"authority\":\"CNPD\"}");
    }
    Path file = files.resolve("controllers" + suffix.replace('.', '-') + ".json");
    try {
      Files.writeString(file, json.append('}').toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toString();
  }

  private static Map<String, String> production() {
    Map<String, String> settings = new HashMap<>();
    settings.put("CLINNOVA_CONTROLLERS_FILE", controllersFile(".eu"));
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
            "CLINNOVA_PUBLIC_URL",
            "CLINNOVA_CONTROLLERS_FILE")) {
      assertTrue(refused.getMessage().contains(name + " is missing"), refused.getMessage());
    }
  }

  @Test
  void aDevelopmentValueFromTheRepositoryIsRefusedOutsideDevelopment() {
    Map<String, String> settings = production();
    settings.put("CLINNOVA_OIDC_CLIENT_SECRET", "portal-dev-secret");
    settings.put("CLINNOVA_DB_APP_PASSWORD", " clinnova-app-dev ");
    settings.put("CLINNOVA_DEMO_DATA", "true");
    settings.put("CLINNOVA_CONTROLLERS_FILE", controllersFile(".invalid"));
    assertEquals(
        List.of(
            "CLINNOVA_DB_APP_PASSWORD is the development value from the repository",
            "CLINNOVA_OIDC_CLIENT_SECRET is the development value from the repository",
            "CLINNOVA_CONTROLLERS_FILE names the repository's development controllers",
            "CLINNOVA_DEMO_DATA=true enrols the demo patients: development only"),
        ProductionReadiness.problems(environment(settings)));
  }

  @Test
  void aControllersFileThatCannotBeReadOrLacksAnEntryIsNamed() throws IOException {
    Map<String, String> settings = production();
    settings.put("CLINNOVA_CONTROLLERS_FILE", files.resolve("nowhere.json").toString());
    assertTrue(
        ProductionReadiness.problems(environment(settings)).get(0).contains("cannot be read"));
    Path partial = files.resolve("partial.json");
    Files.writeString(partial, "{\"network\":{}}");
    settings.put("CLINNOVA_CONTROLLERS_FILE", partial.toString());
    assertEquals(
        List.of("the controllers' file's \"network\" entry has no \"name\""),
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
    assertEquals(6, ProductionReadiness.problems(environment(settings)).size());
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
