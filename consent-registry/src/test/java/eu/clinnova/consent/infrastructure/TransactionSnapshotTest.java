package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransactionSnapshotTest {

  @Test
  void readsPostgresqlsTextForm() {
    TransactionSnapshot snapshot = TransactionSnapshot.parse("100:110:107,102");
    assertEquals(100, snapshot.xmin());
    assertEquals(110, snapshot.xmax());
    assertArrayEquals(new long[] {102, 107}, snapshot.inProgress());
    assertEquals("100:110:107,102", snapshot.toString());
    assertArrayEquals(new long[0], TransactionSnapshot.parse("5:5:").inProgress());
  }

  @Test
  void refusesWhatIsNoSnapshot() {
    for (String text : new String[] {"", "1:2", "1:2:3:4", "9:5:", "5:9:3", "a:b:", "1:2:x"}) {
      assertThrows(IllegalArgumentException.class, () -> TransactionSnapshot.parse(text), text);
    }
  }

  @Test
  void aLaterSnapshotSeesEverythingAnEarlierOneSaw() {
    TransactionSnapshot earlier = TransactionSnapshot.parse("100:110:102,107");
    // 102 and 107 still running, more transactions started since: all the earlier one saw.
    assertTrue(earlier.seenBy(TransactionSnapshot.parse("102:120:102,107,115")));
    // 107 finished since: seen by the later one, not by the earlier one; still fine.
    assertTrue(earlier.seenBy(TransactionSnapshot.parse("102:120:102")));
    assertTrue(earlier.seenBy(earlier));
  }

  @Test
  void anEarlierSnapshotMissesWhatALaterOneSaw() {
    TransactionSnapshot later = TransactionSnapshot.parse("100:110:102,107");
    // 105 was still running in this one: the later one may see its writes, this one does not.
    assertFalse(later.seenBy(TransactionSnapshot.parse("100:110:102,105,107")));
    // Taken when 108 and 109 had not started: xmax below the later one's.
    assertFalse(later.seenBy(TransactionSnapshot.parse("100:108:102,107")));
    // 99 had finished before the later one (below its xmin) but ran in this one.
    assertFalse(later.seenBy(TransactionSnapshot.parse("99:112:99,102,107")));
  }
}
