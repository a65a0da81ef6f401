package io.tandem.media.codec;

/**
 * The G.711 A-law companding law: 16-bit linear PCM to an 8-bit code and back, by two lookup tables
 * built once from the segment rule.
 *
 * <p>Algorithm (ITU-T G.711 §2, as in Sun's public-domain {@code g711.c}): work on the top 13 bits,
 * find the segment (8 segments, the first two of equal step), keep four mantissa bits, and invert
 * the even bits (XOR 0x55). Decoding returns the middle of the quantisation interval.
 */
public final class ALaw {

  private static final int[] SEGMENT_ENDS = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

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

  private ALaw() {}

  /** The A-law code of one linear sample. */
  public static byte encode(short sample) {
    return ENCODE[sample & 0xFFFF];
  }

  /** The linear sample an A-law code stands for. */
  public static short decode(byte code) {
    return DECODE[code & 0xFF];
  }

  private static byte computeEncode(int sample) {
    int value = sample >> 3;
    int mask;
    if (value >= 0) {
      mask = 0xD5;
    } else {
      mask = 0x55;
      value = -value - 1;
    }
    int segment = 0;
    while (segment < SEGMENT_ENDS.length && value > SEGMENT_ENDS[segment]) {
      segment++;
    }
    if (segment >= SEGMENT_ENDS.length) {
      return (byte) (0x7F ^ mask);
    }
    int mantissa = segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
    return (byte) (((segment << 4) | mantissa) ^ mask);
  }

  private static short computeDecode(int code) {
    int value = code ^ 0x55;
    int magnitude = (value & 0x0F) << 4;
    int segment = (value & 0x70) >> 4;
    magnitude +=
        switch (segment) {
          case 0 -> 8;
          default -> 0x108;
        };
    if (segment > 1) {
      magnitude <<= segment - 1;
    }
    return (short) ((value & 0x80) != 0 ? magnitude : -magnitude);
  }
}
