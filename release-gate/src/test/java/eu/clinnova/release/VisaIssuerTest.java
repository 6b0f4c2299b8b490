package eu.clinnova.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import org.junit.jupiter.api.Test;

/** Whose visas a caller may ask for: the rule, without a server. */
class VisaIssuerTest {

  private static final Caller RESEARCHER = Caller.staff("r-1", Role.RESEARCHER);
  private static final Caller NODE = Caller.staff("node-lu", Role.NODE, Jurisdiction.LU);

  @Test
  void aResearcherGetsTheirOwnWhetherOrNotTheyNameThemself() {
    assertEquals("r-1", VisaIssuer.whoseVisas(RESEARCHER, null));
    assertEquals("r-1", VisaIssuer.whoseVisas(RESEARCHER, " "));
    assertEquals("r-1", VisaIssuer.whoseVisas(RESEARCHER, "r-1"));
  }

  @Test
  void aResearcherAskingForSomeoneElseIsRefused() {
    Refusal refusal = assertThrows(Refusal.class, () -> VisaIssuer.whoseVisas(RESEARCHER, "r-2"));
    assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
  }

  @Test
  void aNodeMustNameTheUser() {
    assertEquals("r-2", VisaIssuer.whoseVisas(NODE, "r-2"));
    Refusal refusal = assertThrows(Refusal.class, () -> VisaIssuer.whoseVisas(NODE, ""));
    assertEquals(Refusal.Kind.INVALID, refusal.kind());
    assertEquals("user", refusal.problems().get(0).field());
  }
}
