package eu.clinnova.release;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * The gate's signing keys (ES256), kept as a private JWK set in a file that only the server's user
 * can read. The newest key signs; a new key is made when the newest is older than the rotation
 * period; an older key stays published (JWKS) until every token it signed has expired (tokens live
 * at most {@link #TOKEN_LIFETIME}), so rotation never invalidates an unexpired token.
 *
 * <p>Several instances may share the file (ADR 0030): a rotation decides and writes under an
 * exclusive lock on a file beside it, after reading the set again, so two instances never make two
 * keys at once; and each instance reads the set again whenever the file changed, so a key one of
 * them made signs and is published on all.
 */
public final class SigningKeys {

  private static final Object ROTATING = new Object();

  /** The longest a release token lives (the contract: at most one hour). */
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  private final Path file;
  private final Duration rotation;
  private final Clock clock;
  private List<ECKey> keys = List.of();

  /** The file as last read (its identity, time and size): read again when it differs. */
  private String version = "";

  private SigningKeys(Path file, Duration rotation, Clock clock) {
    this.file = file;
    this.rotation = rotation;
    this.clock = clock;
  }

  /** Loads the key set, creating it (with one key) on first use, and rotates if due. */
  public static synchronized SigningKeys open(Path file, Duration rotation, Clock clock) {
    SigningKeys signing = new SigningKeys(file, rotation, clock);
    signing.rotateIfDue();
    return signing;
  }

  /** Reads the set again if another instance (or this one) changed the file since. */
  private void refresh() {
    try {
      // Each save moves a new file into place: its identity (device and inode) changes with it.
      String seen = "";
      if (Files.exists(file)) {
        java.nio.file.attribute.BasicFileAttributes attributes =
            Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        seen =
            attributes.fileKey()
                + "/"
                + attributes.lastModifiedTime().toMillis()
                + "/"
                + attributes.size();
      }
      if (seen.equals(version)) {
        return;
      }
      List<ECKey> read = new ArrayList<>();
      if (!seen.isEmpty()) {
        for (JWK key : JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).getKeys()) {
          read.add(key.toECKey());
        }
      }
      keys = read;
      version = seen;
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("the release signing keys cannot be read: " + file, e);
    }
  }

  /** Makes a new signing key if there is none or the newest is older than the rotation period. */
  public synchronized boolean rotateIfDue() {
    refresh();
    Instant now = clock.instant();
    if (!keys.isEmpty() && !created(newest()).plus(rotation).isBefore(now)) {
      return false;
    }
    Path folder = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new IllegalStateException("the release signing keys' folder cannot be made", e);
    }
    // Decided again under the lock, on the file as it is then: another instance may have made
    // the key meanwhile. A file lock is held per process, so key sets of one process on one file
    // take turns on a monitor first.
    synchronized (ROTATING) {
      return rotateLocked(folder, now);
    }
  }

  private boolean rotateLocked(Path folder, Instant now) {
    try (java.nio.channels.FileChannel channel =
            java.nio.channels.FileChannel.open(
                folder.resolve(file.getFileName() + ".lock"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = channel.lock()) {
      version = "";
      refresh();
      if (!keys.isEmpty() && !created(newest()).plus(rotation).isBefore(now)) {
        return false;
      }
      return rotate(now);
    } catch (IOException e) {
      throw new IllegalStateException("the release signing keys cannot be locked: " + file, e);
    }
  }

  private boolean rotate(Instant now) {
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .issueTime(Date.from(now))
              .keyIDFromThumbprint(true)
              .generate();
      List<ECKey> next = new ArrayList<>(keys);
      next.add(key);
      save(next);
      keys = next;
      version = "";
      refresh();
      return true;
    } catch (JOSEException | IOException e) {
      throw new IllegalStateException("a release signing key cannot be made", e);
    }
  }

  /** The key that signs now. */
  public synchronized ECKey current() {
    refresh();
    return newest();
  }

  /**
   * The public keys a verifier needs: the current one, and every older one whose successor was made
   * less than a token lifetime ago (its tokens may still be valid).
   */
  public synchronized JWKSet publicKeys() {
    refresh();
    Instant now = clock.instant();
    List<ECKey> sorted = sorted();
    List<JWK> published = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      boolean newestKey = i == sorted.size() - 1;
      boolean stillNeeded =
          newestKey || created(sorted.get(i + 1)).plus(TOKEN_LIFETIME).isAfter(now);
      if (stillNeeded) {
        published.add(sorted.get(i).toPublicJWK());
      }
    }
    return new JWKSet(published);
  }

  private ECKey newest() {
    List<ECKey> sorted = sorted();
    return sorted.get(sorted.size() - 1);
  }

  private List<ECKey> sorted() {
    List<ECKey> sorted = new ArrayList<>(keys);
    sorted.sort(Comparator.comparing(SigningKeys::created));
    return sorted;
  }

  private static Instant created(ECKey key) {
    return key.getIssueTime() == null ? Instant.EPOCH : key.getIssueTime().toInstant();
  }

  /** Writes the private set atomically, readable by the owner only. */
  private void save(List<ECKey> next) throws IOException {
    Path temporary =
        Files.createTempFile(file.toAbsolutePath().getParent(), "release-keys", ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's protection has to do.
    }
    Files.writeString(
        temporary, new JWKSet(new ArrayList<JWK>(next)).toString(false), StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
