package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplicationAccessTest {

  private static Application underReview(String owner) {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    return new Application(
        UUID.randomUUID(),
        owner,
        "Applicant",
        ApplicationState.UNDER_REVIEW,
        ApplicationDocument.empty(),
        List.of("DE"),
        1,
        Optional.of("process-1"),
        now,
        now);
  }

  private static Caller member(String sub, Role... roles) {
    return Caller.of(sub, Set.of(roles), Set.of(Jurisdiction.DE), Optional.empty());
  }

  @Test
  void aCommitteeMemberOfTheJurisdictionReviews() {
    Application application = underReview("applicant");
    assertTrue(ApplicationAccess.isReviewer(member("dac-de", Role.DAC_MEMBER), application));
    assertTrue(ApplicationAccess.canSee(member("dac-de", Role.DAC_MEMBER), application));
  }

  @Test
  void anApplicantWhoSitsOnTheCommitteeSeesOnlyTheApplicantsView() {
    Application own = underReview("researcher-dac-de");
    Caller applicant = member("researcher-dac-de", Role.RESEARCHER, Role.DAC_MEMBER);
    assertTrue(ApplicationAccess.canSee(applicant, own));
    assertFalse(ApplicationAccess.isReviewer(applicant, own), "no votes on their own application");
    Caller compliance =
        Caller.of(
            "compliance",
            Set.of(Role.COMPLIANCE_OFFICER, Role.RESEARCHER),
            Set.of(),
            Optional.empty());
    assertFalse(ApplicationAccess.isReviewer(compliance, underReview("compliance")));
  }

  @Test
  void staffOfAnotherJurisdictionSeeNothing() {
    Caller elsewhere = Caller.staff("dac-lu", Role.DAC_MEMBER, Jurisdiction.LU);
    assertFalse(ApplicationAccess.canSee(elsewhere, underReview("applicant")));
  }
}
