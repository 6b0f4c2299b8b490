package eu.clinnova.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void aStewardActsForTheirJurisdictionsOnly() {
    Caller steward = Caller.staff("steward-lu", Role.DATA_STEWARD, Jurisdiction.LU);
    assertTrue(steward.isStewardOf("LU"));
    assertFalse(steward.isStewardOf("FR"));
    assertFalse(steward.actsFor("lu"), "codes are exact");
    assertFalse(steward.actsFor((String) null));
    assertFalse(steward.actsFor("XX"));
    assertEquals(Set.of("LU"), steward.jurisdictionCodes());
  }

  @Test
  void aCommitteeMemberOfLuIsNoStewardThere() {
    Caller member = Caller.staff("dac-lu", Role.DAC_MEMBER, Jurisdiction.LU);
    assertTrue(member.actsFor(Jurisdiction.LU));
    assertFalse(member.isStewardOf("LU"));
    assertTrue(member.hasAny(Role.DAC_CHAIR, Role.DAC_MEMBER));
    assertFalse(member.hasAny(Role.ADMIN));
  }

  @Test
  void aPatientIsThePatientOfTheirOwnPseudonymOnly() {
    Caller patient = Caller.patient("sub-1", "LU-0001");
    assertTrue(patient.isPatient("LU-0001"));
    assertFalse(patient.isPatient("LU-0002"));
    Caller staffWithPsn =
        Caller.of("sub-2", Set.of(Role.DATA_STEWARD), Set.of(), Optional.of("LU-0001"));
    assertFalse(staffWithPsn.isPatient("LU-0001"), "the pseudonym counts only for a patient");
  }

  @Test
  void rolesAndJurisdictionsAreCopiedAndAbsentPseudonymIsEmpty() {
    Caller caller =
        new Caller(
            "s", "u", "n", null, false, null, Set.of(Role.ADMIN), Set.of(Jurisdiction.CH), null);
    assertTrue(caller.psn().isEmpty());
    assertEquals(Set.of(Role.ADMIN), caller.roles());
    assertEquals(java.util.List.of("LU", "FR", "DE", "CH"), Jurisdiction.allCodes());
  }

  @Test
  void onlyAResearchersVerifiedAddressNamesThemInATeam() {
    assertEquals(
        Optional.of("ada@lab.example"), Caller.researcher("r", " Ada@Lab.example ").teamAddress());
    Caller unverified =
        new Caller(
            "r", "u", "n", "ada@lab.example", false, null, Set.of(Role.RESEARCHER), Set.of(), null);
    assertTrue(unverified.teamAddress().isEmpty(), "anyone may type an address into an account");
    Caller steward =
        new Caller(
            "s",
            "u",
            "n",
            "ada@lab.example",
            true,
            null,
            Set.of(Role.DATA_STEWARD),
            Set.of(),
            null);
    assertTrue(steward.teamAddress().isEmpty(), "a team member is a researcher");
  }
}
