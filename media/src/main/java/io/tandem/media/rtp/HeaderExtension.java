package io.tandem.media.rtp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The RTP header extension (RFC 3550 §5.3.1): a 16-bit profile-defined value and data whose length
 * is a whole number of 32-bit words.
 *
 * @param profile the "defined by profile" field, 0..65535
 * @param data the extension body, a multiple of 4 bytes long (not copied)
 */
public record HeaderExtension(int profile, byte[] data) {

  /** Validates the field ranges. */
  public HeaderExtension {
    if (profile < 0 || profile > 0xFFFF) {
      throw new IllegalArgumentException("extension profile out of 16 bits: " + profile);
    }
    if (data.length % 4 != 0 || data.length / 4 > 0xFFFF) {
      throw new IllegalArgumentException(
          "extension data must be whole 32-bit words: " + data.length + " bytes");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HeaderExtension that
        && profile == that.profile
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * profile + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "HeaderExtension[profile=" + profile + ", data=" + HexFormat.of().formatHex(data) + "]";
  }
}
