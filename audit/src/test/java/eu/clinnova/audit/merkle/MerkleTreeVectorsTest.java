package eu.clinnova.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every root, inclusion and consistency vector of RFC 6962/9162 (transparency-dev). */
class MerkleTreeVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The eight leaves of the vectors, appended through a Frontier into an in-memory store. */
  static InMemoryTree vectorTree() {
    InMemoryTree tree = new InMemoryTree();
    TestVectors.json().get("leaf_inputs_hex").forEach(leaf -> tree.append(TestVectors.hex(leaf)));
    return tree;
  }

  @TestFactory
  Stream<DynamicTest> hasherVectors() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : TestVectors.json().get("hasher_vectors")) {
      tests.add(
          DynamicTest.dynamicTest(
              vector.get("desc").asText(),
              () -> {
                byte[] want = TestVectors.hex(vector.get("want_hex"));
                byte[] got =
                    switch (vector.get("kind").asText()) {
                      case "empty_root" -> Hashes.emptyRoot();
                      case "leaf" -> Hashes.leaf(TestVectors.hex(vector.get("input_hex")));
                      case "node" ->
                          Hashes.node(
                              TestVectors.hex(vector.get("left_hex")),
                              TestVectors.hex(vector.get("right_hex")));
                      default -> throw new AssertionError(vector);
                    };
                assertEquals(HEX.formatHex(want), HEX.formatHex(got));
              }));
    }
    return tests.stream();
  }

  @Test
  void rootsOfEveryPrefixOfTheEightLeaves() {
    InMemoryTree tree = vectorTree();
    MerkleTree merkle = new MerkleTree(tree);
    TestVectors.json()
        .get("root_hashes_by_tree_size")
        .fields()
        .forEachRemaining(
            entry -> {
              long size = Long.parseLong(entry.getKey());
              assertEquals(
                  entry.getValue().asText(), HEX.formatHex(merkle.root(size)), "size " + size);
            });
    assertEquals(
        TestVectors.json().get("root_hashes_by_tree_size").get("8").asText(),
        HEX.formatHex(tree.frontier().root()));
  }

  @Test
  void storedSubtreeHashesMatchTheNodeHashesByLevel() {
    InMemoryTree tree = vectorTree();
    JsonNode levels = TestVectors.json().get("node_hashes_by_level");
    for (int level = 0; level < levels.size(); level++) {
      for (int index = 0; index < levels.get(level).size(); index++) {
        assertEquals(
            levels.get(level).get(index).asText(),
            HEX.formatHex(tree.hash(level, index)),
            "level " + level + " index " + index);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> inclusionProofs() {
    MerkleTree merkle = new MerkleTree(vectorTree());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : TestVectors.json().get("inclusion_proofs")) {
      long index = vector.get("leaf_index").asLong();
      long size = vector.get("tree_size").asLong();
      tests.add(
          DynamicTest.dynamicTest(
              "leaf " + index + " of " + size,
              () -> {
                List<byte[]> want = TestVectors.hexList(vector.get("proof_hex"));
                List<byte[]> got = merkle.inclusionProof(index, size);
                assertEquals(hexes(want), hexes(got));
                byte[] leafHash = Hashes.leaf(TestVectors.hex(vector.get("leaf_input_hex")));
                assertTrue(
                    ProofVerifier.verifyInclusion(
                        index,
                        size,
                        leafHash,
                        got,
                        TestVectors.hex(vector.get("expected_root_hex"))));
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> consistencyProofs() {
    MerkleTree merkle = new MerkleTree(vectorTree());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : TestVectors.json().get("consistency_proofs")) {
      long size1 = vector.get("size1").asLong();
      long size2 = vector.get("size2").asLong();
      tests.add(
          DynamicTest.dynamicTest(
              size1 + " to " + size2,
              () -> {
                List<byte[]> want = TestVectors.hexList(vector.get("proof_hex"));
                List<byte[]> got = merkle.consistencyProof(size1, size2);
                assertEquals(hexes(want), hexes(got));
                assertTrue(
                    ProofVerifier.verifyConsistency(
                        size1,
                        size2,
                        TestVectors.hex(vector.get("root1_hex")),
                        TestVectors.hex(vector.get("root2_hex")),
                        got));
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> inclusionProbesAcceptAndReject() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode probe : TestVectors.json().get("json_probes").get("inclusion")) {
      tests.add(
          DynamicTest.dynamicTest(
              probe.get("file").asText(),
              () -> {
                boolean valid =
                    ProofVerifier.verifyInclusion(
                        TestVectors.unsigned(probe.get("leaf_index")),
                        TestVectors.unsigned(probe.get("tree_size")),
                        TestVectors.hex(probe.get("leaf_hash_hex")),
                        TestVectors.hexList(probe.get("proof_hex")),
                        TestVectors.hex(probe.get("root_hex")));
                assertEquals(!probe.get("want_err").asBoolean(), valid, probe.get("desc").asText());
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> consistencyProbesAcceptAndReject() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode probe : TestVectors.json().get("json_probes").get("consistency")) {
      tests.add(
          DynamicTest.dynamicTest(
              probe.get("file").asText(),
              () -> {
                boolean valid =
                    ProofVerifier.verifyConsistency(
                        TestVectors.unsigned(probe.get("size1")),
                        TestVectors.unsigned(probe.get("size2")),
                        TestVectors.hex(probe.get("root1_hex")),
                        TestVectors.hex(probe.get("root2_hex")),
                        TestVectors.hexList(probe.get("proof_hex")));
                assertEquals(!probe.get("want_err").asBoolean(), valid, probe.get("desc").asText());
              }));
    }
    return tests.stream();
  }

  static List<String> hexes(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  static void assertSameHash(byte[] want, byte[] got) {
    assertArrayEquals(want, got);
  }
}
