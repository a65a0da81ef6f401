package io.tandem.media.srtp;

import java.util.Optional;

/**
 * An SRTP crypto suite (RFC 4568 §6.2): AES-128 in counter mode with an HMAC-SHA1 tag of 80 or 32
 * bits; both use a 128-bit master key and a 112-bit master salt.
 */
public enum SrtpSuite {
  AES_CM_128_HMAC_SHA1_80(10),
  AES_CM_128_HMAC_SHA1_32(4);

  /** Bytes of the master key. */
  public static final int KEY_LENGTH = 16;

  /** Bytes of the master salt. */
  public static final int SALT_LENGTH = 14;

  private final int tagLength;

  SrtpSuite(int tagLength) {
    this.tagLength = tagLength;
  }

  /** Bytes of the authentication tag appended to each packet. */
  public int tagLength() {
    return tagLength;
  }

  /** The suite named {@code name} in an SDP {@code a=crypto} line, if Tandem supports it. */
  public static Optional<SrtpSuite> named(String name) {
    for (SrtpSuite suite : values()) {
      if (suite.name().equals(name)) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }
}
