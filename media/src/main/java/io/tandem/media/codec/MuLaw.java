package io.tandem.media.codec;

/**
 * The G.711 µ-law companding law: 16-bit linear PCM to an 8-bit code and back, by two lookup tables
 * built once from the segment rule.
 *
 * <p>Algorithm (ITU-T G.711 §3, as in Sun's public-domain {@code g711.c}): add a bias of 132 to the
 * magnitude (clipped at 32635), take the segment from the position of the highest set bit, keep
 * four mantissa bits, and invert all bits. Decoding returns the middle of the quantisation
 * interval, so the error is at most half a step: {@code (|x| + 132) / 32}.
 */
public final class MuLaw {

  static final int BIAS = 0x84;
  static final int CLIP = 32635;

  private static final short[] DECODE = new short[256];
  private static final byte[] ENCODE = new byte[65536];

  static {
    for (int code = 0; code < 256; code++) {
      DECODE[code] = computeDecode(code);
    }
    for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
      ENCODE[sample & 0xFFFF] = computeEncode(sample);
    }
  }

  private MuLaw() {}

  /** The µ-law code of one linear sample. */
  public static byte encode(short sample) {
    return ENCODE[sample & 0xFFFF];
  }

  /** The linear sample a µ-law code stands for. */
  public static short decode(byte code) {
    return DECODE[code & 0xFF];
  }

  private static byte computeEncode(int sample) {
    int sign = sample < 0 ? 0x80 : 0x00;
    int magnitude = Math.min(Math.abs(sample), CLIP) + BIAS;
    int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 7;
    int mantissa = (magnitude >> (segment + 3)) & 0x0F;
    return (byte) ~(sign | (segment << 4) | mantissa);
  }

  private static short computeDecode(int code) {
    int inverted = ~code & 0xFF;
    int segment = (inverted >> 4) & 0x07;
    int mantissa = inverted & 0x0F;
    int magnitude = (((mantissa << 3) + BIAS) << segment) - BIAS;
    return (short) ((inverted & 0x80) != 0 ? -magnitude : magnitude);
  }
}
