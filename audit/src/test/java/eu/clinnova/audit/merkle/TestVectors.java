package eu.clinnova.audit.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The public vectors of {@code shared/testdata/rfc6962-vectors.json}. */
public final class TestVectors {

  private static JsonNode root;

  private TestVectors() {}

  /**
   * The vectors as checked in beside the tests (a copy of {@code shared/testdata}, whose sources
   * and commits are inside the file), so the build never depends on a folder outside the
   * repository; {@code SharedVectorsTest} notices if the two differ.
   */
  public static synchronized JsonNode json() {
    if (root == null) {
      try (InputStream in = TestVectors.class.getResourceAsStream("/rfc6962-vectors.json")) {
        root = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Test vectors missing from the test resources", e);
      }
    }
    return root;
  }

  /** The shared folder's copy, if this checkout has one beside it. */
  static Path sharedCopy() {
    return Path.of(System.getProperty("clinnova.testdata", "../../shared/testdata"))
        .resolve("rfc6962-vectors.json");
  }

  public static byte[] hex(JsonNode node) {
    return HexFormat.of().parseHex(node.asText());
  }

  public static List<byte[]> hexList(JsonNode array) {
    List<byte[]> list = new ArrayList<>();
    array.forEach(item -> list.add(hex(item)));
    return list;
  }

  /** Unsigned 64-bit numbers (the probes use 2^64 - 1) as Java's two's-complement longs. */
  public static long unsigned(JsonNode node) {
    return new BigInteger(node.asText()).longValue();
  }
}
