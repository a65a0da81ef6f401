package io.tandem.media.srtp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * An SRTP master key (16 bytes) and master salt (14 bytes), as SDES carries them: base64 of
 * key||salt in {@code inline:} (RFC 4568 §6.1).
 */
public final class MasterKey {

  private static final int CONCATENATED = SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH;

  private final byte[] key;
  private final byte[] salt;

  /** Copies {@code key} (16 bytes) and {@code salt} (14 bytes). */
  public MasterKey(byte[] key, byte[] salt) {
    if (key.length != SrtpSuite.KEY_LENGTH || salt.length != SrtpSuite.SALT_LENGTH) {
      throw new IllegalArgumentException(
          "a master key is 16 bytes and its salt 14, got " + key.length + " and " + salt.length);
    }
    this.key = key.clone();
    this.salt = salt.clone();
  }

  /** A fresh key and salt drawn from {@code random} (a {@code SecureRandom} outside tests). */
  public static MasterKey random(RandomGenerator random) {
    byte[] bytes = new byte[CONCATENATED];
    random.nextBytes(bytes);
    return ofConcatenated(bytes);
  }

  /**
   * The key and salt of an SDES {@code inline:} value's key part (base64 of 30 bytes).
   *
   * @throws IllegalArgumentException if it is not base64 of exactly 30 bytes
   */
  public static MasterKey fromBase64(String keySalt) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(keySalt);
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("the key is not base64: " + keySalt, notBase64);
    }
    if (bytes.length != CONCATENATED) {
      throw new IllegalArgumentException(
          "key||salt must be 30 bytes, got " + bytes.length + " from " + keySalt);
    }
    return ofConcatenated(bytes);
  }

  private static MasterKey ofConcatenated(byte[] bytes) {
    return new MasterKey(
        Arrays.copyOfRange(bytes, 0, SrtpSuite.KEY_LENGTH),
        Arrays.copyOfRange(bytes, SrtpSuite.KEY_LENGTH, CONCATENATED));
  }

  /** Base64 of key||salt, for {@code inline:}. */
  public String base64() {
    byte[] bytes = Arrays.copyOf(key, CONCATENATED);
    System.arraycopy(salt, 0, bytes, SrtpSuite.KEY_LENGTH, SrtpSuite.SALT_LENGTH);
    return Base64.getEncoder().encodeToString(bytes);
  }

  byte[] key() {
    return key.clone();
  }

  byte[] salt() {
    return salt.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MasterKey that
        && MessageDigest.isEqual(key, that.key)
        && MessageDigest.isEqual(salt, that.salt);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(salt);
  }

  /** Never the key material. */
  @Override
  public String toString() {
    return "MasterKey[hidden]";
  }
}
