package eu.clinnova.consent.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.policy.PolicyCatalogue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled policies: one per jurisdiction, with their bases and ethics reference patterns. */
class PolicyCatalogueTest {

  final PolicyCatalogue policies = PolicyCatalogue.bundled();

  @Test
  void everyJurisdictionHasItsBasis() {
    assertEquals(List.of("LU", "FR", "DE", "CH"), List.copyOf(policies.all().keySet()));
    assertEquals(ConsentBasis.EXPLICIT, policies.of("LU").orElseThrow().basis());
    assertEquals(ConsentBasis.NON_OPPOSITION, policies.of("FR").orElseThrow().basis());
    assertEquals(ConsentBasis.BROAD_CONSENT, policies.of("DE").orElseThrow().basis());
    assertEquals(ConsentBasis.GENERAL_CONSENT, policies.of("CH").orElseThrow().basis());
    assertTrue(policies.of("US").isEmpty());
  }

  @Test
  void ethicsReferencesAreCheckedAgainstEachJurisdictionsPattern() {
    assertTrue(policies.of("CH").orElseThrow().acceptsEthicsReference("2017-00226"));
    assertFalse(policies.of("CH").orElseThrow().acceptsEthicsReference("2017-226"));
    assertTrue(policies.of("FR").orElseThrow().acceptsEthicsReference("DR-2024-123"));
    assertFalse(policies.of("FR").orElseThrow().acceptsEthicsReference("DR-24-1"));
    assertFalse(policies.of("LU").orElseThrow().acceptsEthicsReference(null));
  }

  @Test
  void anUnknownModuleInThePoliciesIsRefused() {
    String json =
        "{\"version\":1,\"jurisdictions\":{\"LU\":{\"basis\":\"EXPLICIT\",\"nonOppositionModules\":[\"TELEPATHY\"],"
            + "\"validity\":{},\"ethicsBody\":\"x\",\"ethicsReferencePattern\":\".*\",\"ageOfMajority\":18,"
            + "\"renewAtMajority\":true,\"renewAtCapacity\":false,\"reconsentOnMajorVersion\":true}}}";
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PolicyCatalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
  }
}
