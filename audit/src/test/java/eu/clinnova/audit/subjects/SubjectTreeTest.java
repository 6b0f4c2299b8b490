package eu.clinnova.audit.subjects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.ProofVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SubjectTreeTest {

  static final String RELEASE = "0b9a3c2e-5d7f-4e1a-9c3b-2f6d8e0a1b4c";

  @Test
  void leavesAreTheContractsCanonicalJsonOfTheCommitmentAndOutcome() throws Exception {
    SubjectTree tree = tree(Map.of("LU-0001", "", "LU-0002", "consent-withdrawn"));
    byte[] c1 =
        MessageDigest.getInstance("SHA-256")
            .digest((RELEASE + "\nLU-0001").getBytes(StandardCharsets.UTF_8));
    SubjectLeaf one = tree.leaf(tree.find("LU-0001"));
    assertArrayEquals(c1, one.commitment());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("outcome", "permitted");
    expected.put("commitment", Base64.getEncoder().encodeToString(c1));
    assertArrayEquals(CanonicalJson.bytes(expected), one.bytes());

    SubjectLeaf two = tree.leaf(tree.find("LU-0002"));
    Map<String, Object> denied = new LinkedHashMap<>();
    denied.put("reason", "consent-withdrawn");
    denied.put("outcome", "denied");
    denied.put("commitment", Base64.getEncoder().encodeToString(two.commitment()));
    assertArrayEquals(CanonicalJson.bytes(denied), two.bytes());
    assertEquals(
        Optional.of("consent-withdrawn"),
        SubjectLeaf.parse(Optional.empty(), two.bytes()).reason());
  }

  @Property(tries = 60)
  void rootAndPathsAreRfc9162sOverTheLeavesInCommitmentOrder(
      @ForAll @IntRange(min = 1, max = 70) int subjects) {
    Map<String, String> outcomes = new TreeMap<>();
    for (int i = 0; i < subjects; i++) {
      outcomes.put("DE-" + (1000 + i * 7), i % 3 == 0 ? "consent-missing" : "");
    }
    SubjectTree tree = tree(outcomes);
    List<byte[]> expectedOrder = new ArrayList<>();
    outcomes.keySet().stream()
        .map(psn -> SubjectCommitments.commitment(RELEASE, psn))
        .sorted(Arrays::compareUnsigned)
        .forEach(expectedOrder::add);
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      assertArrayEquals(expectedOrder.get(i), tree.leaf(i).commitment());
      leaves.add(tree.leaf(i).bytes());
    }
    assertArrayEquals(NaiveMerkle.root(leaves), tree.root());
    for (int i = 0; i < tree.size(); i++) {
      List<byte[]> path = tree.inclusionProof(i);
      assertEquals(NaiveMerkle.path(i, leaves).size(), path.size());
      assertTrue(
          ProofVerifier.verifyInclusion(
              i, tree.size(), Hashes.leaf(leaves.get(i)), path, tree.root()));
      assertEquals(i, tree.find(tree.leaf(i).psnOrThrow()));
    }
    // Someone absent sits between two leaves (or before the first, or after the last).
    int absent = tree.find("DE-ABSENT");
    assertTrue(absent < 0);
    int insertion = -absent - 1;
    for (int neighbour : tree.neighbours(insertion)) {
      assertTrue(Math.abs(neighbour - insertion) <= 1);
    }
  }

  @Test
  void servedLeavesAreCheckedAgainstTheirSubjectsAndOrder() {
    SubjectTree tree = tree(Map.of("CH-0001", "", "CH-0002", "", "CH-0003", "not-in-cohort"));
    List<SubjectLeaf> served = new ArrayList<>(tree.leaves());
    assertArrayEquals(tree.root(), SubjectTree.ofServed(RELEASE, served).root());

    List<SubjectLeaf> swapped = new ArrayList<>(served);
    swapped.set(0, served.get(1));
    swapped.set(1, served.get(0));
    assertThrows(IllegalArgumentException.class, () -> SubjectTree.ofServed(RELEASE, swapped));

    List<SubjectLeaf> misnamed = new ArrayList<>(served);
    SubjectLeaf first = served.get(0);
    misnamed.set(
        0,
        new SubjectLeaf(Optional.of("CH-9999"), first.commitment(), first.reason(), first.bytes()));
    assertThrows(IllegalArgumentException.class, () -> SubjectTree.ofServed(RELEASE, misnamed));
  }

  @Test
  void leavesThatAreNotCanonicalAreRefused() {
    SubjectLeaf leaf = tree(Map.of("FR-0001", "")).leaf(0);
    String text = new String(leaf.bytes(), StandardCharsets.US_ASCII);
    for (String altered :
        List.of(
            text.replace("{", "{ "),
            text.replace("permitted", "granted"),
            text.replace("\"outcome\":\"permitted\"", "\"outcome\":\"denied\""),
            "{\"outcome\":\"permitted\",\"commitment\":\"" + text.substring(15))) {
      assertThrows(
          IllegalArgumentException.class,
          () -> SubjectLeaf.parse(Optional.empty(), altered.getBytes(StandardCharsets.UTF_8)),
          altered);
    }
  }

  /** A tree of {@code outcomes}: psn to denial reason, empty when permitted. */
  static SubjectTree tree(Map<String, String> outcomes) {
    SubjectCommitments commitments = SubjectCommitments.of(RELEASE, outcomes.keySet());
    return SubjectTree.of(
        commitments, psn -> outcomes.get(psn).isEmpty() ? null : outcomes.get(psn));
  }
}
