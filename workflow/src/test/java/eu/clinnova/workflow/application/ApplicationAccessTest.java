package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.Requester;
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

  private static Requester member(String sub, String... roles) {
    return new Requester(sub, Set.of(roles), Set.of("DE"), Optional.empty());
  }

  @Test
  void aCommitteeMemberOfTheJurisdictionReviews() {
    Application application = underReview("applicant");
    assertTrue(ApplicationAccess.isReviewer(member("dac-de", "dac-member"), application));
    assertTrue(ApplicationAccess.canSee(member("dac-de", "dac-member"), application));
  }

  @Test
  void anApplicantWhoSitsOnTheCommitteeSeesOnlyTheApplicantsView() {
    Application own = underReview("researcher-dac-de");
    Requester applicant = member("researcher-dac-de", "researcher", "dac-member");
    assertTrue(ApplicationAccess.canSee(applicant, own));
    assertFalse(ApplicationAccess.isReviewer(applicant, own), "no votes on their own application");
    Requester compliance =
        new Requester(
            "compliance", Set.of("compliance-officer", "researcher"), Set.of(), Optional.empty());
    assertFalse(ApplicationAccess.isReviewer(compliance, underReview("compliance")));
  }

  @Test
  void staffOfAnotherJurisdictionSeeNothing() {
    Requester elsewhere =
        new Requester("dac-lu", Set.of("dac-member"), Set.of("LU"), Optional.empty());
    assertFalse(ApplicationAccess.canSee(elsewhere, underReview("applicant")));
  }
}
