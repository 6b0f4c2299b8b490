package eu.clinnova.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The checked-in vectors are the shared folder's, byte for byte, where that folder exists. */
class SharedVectorsTest {

  @Test
  void theCheckedInVectorsAreTheSharedOnes() throws IOException {
    assumeTrue(Files.exists(TestVectors.sharedCopy()), "no shared/ folder beside this checkout");
    try (InputStream ours = TestVectors.class.getResourceAsStream("/rfc6962-vectors.json")) {
      assertArrayEquals(Files.readAllBytes(TestVectors.sharedCopy()), ours.readAllBytes());
    }
  }
}
