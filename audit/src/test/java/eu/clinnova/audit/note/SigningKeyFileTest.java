package eu.clinnova.audit.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

  @Test
  void instancesStartingAtOnceOnOneFolderAllSignWithTheOneKeyCreated(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("keys/audit-log.key");
    int instances = 8;
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    List<Future<NoteKey>> started = new ArrayList<>();
    Callable<NoteKey> start = () -> SigningKeyFile.loadOrCreate(file, "clinnova.test/audit");
    for (int i = 0; i < instances; i++) {
      started.add(pool.submit(start));
    }
    Set<String> verifiers = new HashSet<>();
    for (Future<NoteKey> key : started) {
      verifiers.add(key.get().verifierKey());
    }
    pool.shutdown();
    assertEquals(1, verifiers.size(), "one key for all");
    assertEquals(
        verifiers.iterator().next(),
        SigningKeyFile.loadOrCreate(file, "clinnova.test/audit").verifierKey(),
        "and the one kept in the file");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertEquals(List.of(file), left.toList(), "no half-written file left beside it");
    }
  }

  @Test
  void aKeyOfAnotherLogIsRefused(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("audit-log.key");
    SigningKeyFile.loadOrCreate(file, "clinnova.test/one");
    assertThrows(IOException.class, () -> SigningKeyFile.loadOrCreate(file, "clinnova.test/two"));
  }
}
