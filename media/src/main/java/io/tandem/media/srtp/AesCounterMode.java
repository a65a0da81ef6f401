package io.tandem.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 in counter mode as SRTP uses it (RFC 3711 §4.1.1): keystream block {@code j} is AES(key,
 * IV + j), the counter running in the IV's last 16 bits, and the keystream is XORed onto the data.
 * The key is expanded once (an ECB cipher over the counter blocks), not per packet.
 *
 * <p>Not thread-safe: one caller at a time.
 */
final class AesCounterMode {

  static final int BLOCK = 16;

  private final Cipher cipher;
  private byte[] counters = new byte[BLOCK * 12];
  private byte[] keystream = new byte[BLOCK * 12];

  AesCounterMode(byte[] key) {
    try {
      cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException noAes) {
      throw new IllegalStateException("the JDK has no AES", noAes);
    }
  }

  /** XORs {@code length} keystream bytes for {@code iv} onto {@code data} from {@code offset}. */
  void apply(byte[] iv, byte[] data, int offset, int length) {
    int blocks = (length + BLOCK - 1) / BLOCK;
    generate(iv, blocks);
    for (int i = 0; i < length; i++) {
      data[offset + i] ^= keystream[i];
    }
  }

  /** The first {@code length} keystream bytes for {@code iv}. */
  byte[] keystream(byte[] iv, int length) {
    byte[] out = new byte[length];
    apply(iv, out, 0, length);
    return out;
  }

  private void generate(byte[] iv, int blocks) {
    int bytes = blocks * BLOCK;
    if (counters.length < bytes) {
      counters = new byte[bytes];
      keystream = new byte[bytes];
    }
    int high = (iv[14] & 0xFF) << 8 | (iv[15] & 0xFF);
    for (int j = 0; j < blocks; j++) {
      int at = j * BLOCK;
      System.arraycopy(iv, 0, counters, at, 14);
      int counter = high + j;
      counters[at + 14] = (byte) (counter >>> 8);
      counters[at + 15] = (byte) counter;
    }
    try {
      cipher.doFinal(counters, 0, bytes, keystream, 0);
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("AES-ECB failed on whole blocks", impossible);
    }
  }
}
