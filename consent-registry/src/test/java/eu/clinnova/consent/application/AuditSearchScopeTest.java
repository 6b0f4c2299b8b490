package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.clinnova.consent.application.AuditSearchScope.About;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import org.junit.jupiter.api.Test;

class AuditSearchScopeTest {

  private static final Caller COMPLIANCE = Caller.staff("c-1", Role.COMPLIANCE_OFFICER);
  private static final Caller PATIENT = Caller.patient("p-1", "LU-0001");

  @Test
  void complianceSearchesWhatItAsksFor() {
    assertNull(AuditSearchScope.limit(COMPLIANCE, null, null));
    assertEquals(
        new About("patient", "LU-0002"), AuditSearchScope.limit(COMPLIANCE, "LU-0002", null));
    About application = new About("application", "a-1");
    assertEquals(application, AuditSearchScope.limit(COMPLIANCE, null, application));
  }

  @Test
  void aPatientSearchesOnlyTheirOwnEntriesWhateverTheyAsk() {
    assertEquals(new About("patient", "LU-0001"), AuditSearchScope.limit(PATIENT, null, null));
    assertEquals(new About("patient", "LU-0001"), AuditSearchScope.limit(PATIENT, "LU-0001", null));
    assertEquals(
        Refusal.Kind.NOT_FOUND,
        assertThrows(Refusal.class, () -> AuditSearchScope.limit(PATIENT, "LU-0002", null)).kind());
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(
                Refusal.class,
                () -> AuditSearchScope.limit(PATIENT, null, new About("patient", "LU-0001")))
            .kind(),
        "by entity only for compliance");
  }

  @Test
  void aPatientAccountWithoutPseudonymIsRefused() {
    Caller unlinked = Caller.of("p-2", java.util.Set.of(Role.PATIENT), java.util.Set.of(), null);
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(Refusal.class, () -> AuditSearchScope.limit(unlinked, null, null)).kind());
  }
}
