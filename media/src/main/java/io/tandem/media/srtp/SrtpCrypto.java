package io.tandem.media.srtp;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The transforms of one master key (RFC 3711 §4): AES-CM encryption of the payload under IV =
 * (salt·2¹⁶) XOR (SSRC·2⁶⁴) XOR (index·2¹⁶), and the HMAC-SHA1 tag over header, encrypted payload
 * and ROC, truncated to the suite's length; plus each SSRC's {@link PacketIndex}.
 *
 * <p>Not thread-safe: one caller at a time.
 */
final class SrtpCrypto {

  private static final int MAX_STREAMS = 16;

  private final SrtpSuite suite;
  private final byte[] salt;
  private final AesCounterMode aes;
  private final Mac hmac;
  private final byte[] iv = new byte[AesCounterMode.BLOCK];
  private final byte[] roc = new byte[4];
  private final byte[] fullTag = new byte[20];
  private final Map<Long, PacketIndex> indices = new HashMap<>();
  private long lastSsrc = -1;
  private @Nullable PacketIndex lastIndex;

  SrtpCrypto(SrtpSuite suite, MasterKey master) {
    SessionKeys keys = SessionKeys.derive(master);
    this.suite = suite;
    this.salt = keys.salt();
    this.aes = new AesCounterMode(keys.encryption());
    try {
      hmac = Mac.getInstance("HmacSHA1");
      hmac.init(new SecretKeySpec(keys.authentication(), "HmacSHA1"));
    } catch (GeneralSecurityException noHmac) {
      throw new IllegalStateException("the JDK has no HmacSHA1", noHmac);
    }
  }

  SrtpSuite suite() {
    return suite;
  }

  /** The index state of stream {@code ssrc}, created on first use. */
  PacketIndex index(long ssrc) {
    if (ssrc == lastSsrc && lastIndex != null) {
      return lastIndex;
    }
    PacketIndex index = indices.get(ssrc);
    if (index == null) {
      if (indices.size() >= MAX_STREAMS) {
        indices.clear();
        lastIndex = null;
      }
      index = new PacketIndex();
      indices.put(ssrc, index);
    }
    lastSsrc = ssrc;
    lastIndex = index;
    return index;
  }

  /**
   * En- or decrypts {@code packet[from, to)}, the payload of packet {@code index} of {@code ssrc}.
   */
  void crypt(byte[] packet, int from, int to, long ssrc, long index) {
    System.arraycopy(salt, 0, iv, 0, SrtpSuite.SALT_LENGTH);
    iv[14] = 0;
    iv[15] = 0;
    for (int i = 0; i < 4; i++) {
      iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
    }
    for (int i = 0; i < 6; i++) {
      iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
    }
    aes.apply(iv, packet, from, to - from);
  }

  /**
   * Writes the tag of {@code packet[0, length)} with rollover counter {@code rolloverCounter} at
   * {@code packet[at]} (its truncated length: {@link SrtpSuite#tagLength()}).
   */
  void tag(byte[] packet, int length, long rolloverCounter, byte[] out, int at) {
    roc[0] = (byte) (rolloverCounter >>> 24);
    roc[1] = (byte) (rolloverCounter >>> 16);
    roc[2] = (byte) (rolloverCounter >>> 8);
    roc[3] = (byte) rolloverCounter;
    hmac.update(packet, 0, length);
    hmac.update(roc);
    try {
      hmac.doFinal(fullTag, 0);
    } catch (ShortBufferException impossible) {
      throw new IllegalStateException(impossible);
    }
    System.arraycopy(fullTag, 0, out, at, suite.tagLength());
  }

  /**
   * The length of the RTP header (fixed part, CSRCs, extension) of {@code packet[0, length)}, or -1
   * when it is not an RTP version 2 header that fits.
   */
  static int headerLength(byte[] packet, int length) {
    if (length < 12 || (packet[0] & 0xC0) != 0x80) {
      return -1;
    }
    int header = 12 + 4 * (packet[0] & 0x0F);
    if ((packet[0] & 0x10) != 0) {
      if (header + 4 > length) {
        return -1;
      }
      header += 4 + 4 * ((packet[header + 2] & 0xFF) << 8 | (packet[header + 3] & 0xFF));
    }
    return header <= length ? header : -1;
  }

  static long ssrc(byte[] packet) {
    return (packet[8] & 0xFFL) << 24
        | (packet[9] & 0xFFL) << 16
        | (packet[10] & 0xFFL) << 8
        | (packet[11] & 0xFFL);
  }

  static int sequence(byte[] packet) {
    return (packet[2] & 0xFF) << 8 | (packet[3] & 0xFF);
  }
}
