package eu.clinnova.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hashes of RFC 9162 section 2.1.1: leaves with prefix 0x00, interior nodes with 0x01. */
public final class Hashes {

  public static final int SIZE = 32;

  private Hashes() {}

  /** The root of the empty tree: SHA-256 of nothing. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  public static byte[] leaf(byte[] leafBytes) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x00);
    digest.update(leafBytes);
    return digest.digest();
  }

  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x01);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
