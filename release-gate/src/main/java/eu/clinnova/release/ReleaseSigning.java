package eu.clinnova.release;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The running portal's release signing keys: opened once at start-up (where the key file is and how
 * often keys rotate are configuration), rotated when due.
 */
@ApplicationScoped
public class ReleaseSigning {

  @Inject Clock clock;

  private volatile SigningKeys keys;

  public synchronized void open(Path file, Duration rotation) {
    if (keys == null) {
      keys = SigningKeys.open(file, rotation, clock);
    }
  }

  /** Makes a new key if the newest is older than the rotation period. */
  public boolean rotateIfDue() {
    return opened().rotateIfDue();
  }

  public ECKey current() {
    return opened().current();
  }

  /** The JWKS: the current public key and the older ones whose tokens may still be valid. */
  public JWKSet publicKeys() {
    return opened().publicKeys();
  }

  private SigningKeys opened() {
    SigningKeys current = keys;
    if (current == null) {
      throw new IllegalStateException("the release signing keys are not opened");
    }
    return current;
  }
}
