package io.tandem.media.ice;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The two checksums of STUN: HMAC-SHA1 for MESSAGE-INTEGRITY, CRC-32 for FINGERPRINT. */
final class StunChecksums {

  private StunChecksums() {}

  /** HMAC-SHA1 under {@code key} of the first {@code length} bytes of {@code data}. */
  static byte[] hmacSha1(byte[] key, byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      mac.update(data, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException noHmac) {
      throw new IllegalStateException("the JDK has no HmacSHA1", noHmac);
    }
  }

  /** CRC-32 (ISO 3309) of the first {@code length} bytes of {@code data}. */
  static int crc32(byte[] data, int length) {
    CRC32 crc = new CRC32();
    crc.update(data, 0, length);
    return (int) crc.getValue();
  }
}
