package eu.clinnova.audit.note;

import eu.clinnova.audit.merkle.Hashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A named Ed25519 signing key of the signed-note format, with the JDK's own Ed25519. Text forms are
 * those of {@code sumdb/note}: the private key {@code PRIVATE+KEY+<name>+<hex key
 * hash>+<base64(0x01 || seed)>} and the verifier key {@code <name>+<hex key hash>+<base64(0x01 ||
 * public key)>}.
 */
public final class NoteKey {

  static final byte ALGORITHM_ED25519 = 0x01;
  private static final byte[] PKCS8_ED25519_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");
  static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final String name;
  private final byte[] seed;
  private final byte[] publicKey;
  private final byte[] keyHash;
  private volatile Ed25519Signing signing;

  private NoteKey(String name, byte[] seed) {
    NoteNames.check(name);
    this.name = name;
    this.seed = seed.clone();
    try {
      this.publicKey = publicKeyOf(seed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 17 platform", e);
    }
    this.keyHash = keyHash(name, publicKey);
  }

  /** A new random key. */
  public static NoteKey generate(String name) {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    return new NoteKey(name, seed);
  }

  /** Reads the private key text form; refuses a key whose hash does not match its name. */
  public static NoteKey parse(String privateKeyText) {
    String[] parts = privateKeyText.strip().split("\\+", 5);
    if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
      throw new NoteException("not a signed-note private key");
    }
    byte[] encoded = Base64.getDecoder().decode(parts[4]);
    if (encoded.length != 33 || encoded[0] != ALGORITHM_ED25519) {
      throw new NoteException("not an Ed25519 signed-note private key");
    }
    NoteKey key = new NoteKey(parts[2], Arrays.copyOfRange(encoded, 1, 33));
    if (!HexFormat.of().formatHex(key.keyHash()).equals(parts[3])) {
      throw new NoteException("the private key's hash does not match its name and key");
    }
    return key;
  }

  public String name() {
    return name;
  }

  /** The private key's text form: a secret, to be stored with owner-only permissions. */
  public String privateKeyText() {
    return "PRIVATE+KEY+"
        + name
        + "+"
        + HexFormat.of().formatHex(keyHash())
        + "+"
        + Base64.getEncoder().encodeToString(concat(new byte[] {ALGORITHM_ED25519}, seed));
  }

  /** The verifier key anyone can use to check this key's signatures. */
  public String verifierKey() {
    return name
        + "+"
        + HexFormat.of().formatHex(keyHash())
        + "+"
        + Base64.getEncoder().encodeToString(concat(new byte[] {ALGORITHM_ED25519}, publicKey));
  }

  /** The first 4 bytes of SHA-256(name || "\n" || 0x01 || public key). */
  public byte[] keyHash() {
    return keyHash.clone();
  }

  static byte[] keyHash(String name, byte[] publicKey) {
    var digest = Hashes.sha256();
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
    digest.update(ALGORITHM_ED25519);
    digest.update(publicKey);
    return Arrays.copyOf(digest.digest(), 4);
  }

  /** Signs {@code text} (which must end in a newline) and returns the whole signed note. */
  public String sign(String text) {
    NoteFormat.checkText(text);
    Ed25519Signing signer = signing;
    if (signer == null) {
      signer = new Ed25519Signing(seed);
      signing = signer;
    }
    byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
    byte[] line = ByteBuffer.allocate(4 + signature.length).put(keyHash).put(signature).array();
    return text + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
  }

  /** The same signature by the JDK's own Ed25519 (tests compare the two). */
  byte[] jdkSignature(byte[] message) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_ED25519_PREFIX, seed))));
    signer.update(message);
    return signer.sign();
  }

  /**
   * The public key of a seed. The JDK derives it only while generating a key pair, so the generator
   * is fed the seed as its "random" bytes (it draws exactly 32 of them).
   */
  private static byte[] publicKeyOf(byte[] seed) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(
        NamedParameterSpec.ED25519,
        new SecureRandom() {
          @Override
          public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
          }
        });
    KeyPair pair = generator.generateKeyPair();
    byte[] encoded = pair.getPublic().getEncoded();
    return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
  }

  static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(concat(X509_ED25519_PREFIX, raw)));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
