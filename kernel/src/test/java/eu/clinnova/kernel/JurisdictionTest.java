package eu.clinnova.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JurisdictionTest {

  @Test
  void staffJurisdictionsComeFromTopLevelGroups() {
    assertEquals(Optional.of(Jurisdiction.LU), Jurisdiction.fromGroupPath("/LU"));
    assertEquals(Optional.of(Jurisdiction.CH), Jurisdiction.fromGroupPath("CH"));
    assertEquals(Optional.empty(), Jurisdiction.fromGroupPath("/LU/sub"));
    assertEquals(Optional.empty(), Jurisdiction.fromGroupPath("/lu"));
    assertEquals(Optional.empty(), Jurisdiction.fromGroupPath("/US"));
  }

  @Test
  void aNodesJurisdictionIsFixedByItsClientId() {
    assertEquals(Optional.of(Jurisdiction.FR), Jurisdiction.fromNodeClientId("node-fr"));
    assertEquals(Optional.of(Jurisdiction.DE), Jurisdiction.fromNodeClientId("node-de"));
    assertEquals(Optional.empty(), Jurisdiction.fromNodeClientId("portal-cli"));
    assertEquals(Optional.empty(), Jurisdiction.fromNodeClientId("node-xx"));
    assertEquals(Optional.empty(), Jurisdiction.fromNodeClientId(null));
  }

  @Test
  void rolesAreKnownByTheirExactTokenNames() {
    assertEquals(Optional.of(Role.DATA_STEWARD), Role.fromTokenName("data-steward"));
    assertEquals(Optional.of(Role.COMPLIANCE_OFFICER), Role.fromTokenName("compliance-officer"));
    assertEquals(Optional.empty(), Role.fromTokenName("Data-Steward"));
    assertEquals(Optional.empty(), Role.fromTokenName("offline_access"));
    for (Role role : Role.values()) {
      assertEquals(Optional.of(role), Role.fromTokenName(role.tokenName()));
    }
  }
}
