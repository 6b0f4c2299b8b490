package eu.clinnova.audit.note;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * The log's signing key in a file, in the signed-note private key text form, readable by its owner
 * only. A development server creates one on first start; production provides its own (and keeps it
 * out of every repository).
 */
public final class SigningKeyFile {

  private static final Logger LOG = Logger.getLogger(SigningKeyFile.class.getName());

  private SigningKeyFile() {}

  /** Reads the key at {@code path}; creates a new one named {@code name} if there is none. */
  public static NoteKey loadOrCreate(Path path, String name) throws IOException {
    if (!Files.exists(path)) {
      Path folder = path.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      NoteKey key = NoteKey.generate(name);
      // Written whole beside it, then linked into place, which fails if the name exists: two
      // instances starting at once on one folder (ADR 0030) never read a half-written key, and
      // both end up with the one that was linked first.
      Path written =
          Files.createTempFile(
              folder,
              ".audit-key",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(written, key.privateKeyText() + "\n", StandardCharsets.US_ASCII);
        Files.createLink(path, written);
        LOG.warning(
            "Created a new audit log signing key at " + path + ": keep it secret and back it up");
      } catch (FileAlreadyExistsException raced) {
        // Another start created it first: use that one.
      } finally {
        Files.deleteIfExists(written);
      }
    }
    NoteKey key = NoteKey.parse(Files.readString(path, StandardCharsets.US_ASCII));
    if (!key.name().equals(name)) {
      throw new IOException(
          "The signing key at " + path + " is named " + key.name() + ", the log expects " + name);
    }
    return key;
  }
}
