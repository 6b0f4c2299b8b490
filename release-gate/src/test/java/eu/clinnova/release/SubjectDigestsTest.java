package eu.clinnova.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The subjects' digests from one sort equal the contract's definition, for any subset. */
class SubjectDigestsTest {

  /** The contract's digest, written out independently: sorted, joined by \n, SHA-256, Base64. */
  static String contract(List<String> psns) throws Exception {
    List<String> sorted = new ArrayList<>(psns);
    Collections.sort(sorted);
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void requestedAndPermittedDigestsFollowTheContractSmallAndLarge() throws Exception {
    Random random = new Random(42);
    for (int size : new int[] {1, 2, 17, SubjectDigests.IN_BACKGROUND_FROM + 345}) {
      List<String> asked = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        asked.add(
            List.of("LU", "FR", "DE", "CH").get(random.nextInt(4))
                + "-"
                + Integer.toString(random.nextInt(1 << 30), 36).toUpperCase(java.util.Locale.ROOT)
                + i);
      }
      SubjectDigests digests = SubjectDigests.of(asked).join();
      assertEquals(contract(asked), digests.requested(), "requested, " + size);
      assertEquals(contract(asked), ReleaseToken.subjectsSha256(asked));
      List<String> some = new ArrayList<>();
      for (String psn : asked) {
        if (random.nextInt(3) > 0) {
          some.add(psn);
        }
      }
      assertEquals(contract(some), digests.permitted(some), "permitted, " + size);
      assertEquals(contract(asked), digests.permitted(asked));
      assertEquals(contract(List.of()), digests.permitted(List.of()));
      if (size > 1) {
        assertNotEquals(digests.requested(), digests.permitted(asked.subList(1, size)));
      }
    }
  }
}
