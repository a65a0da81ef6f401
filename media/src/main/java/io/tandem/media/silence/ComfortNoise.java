package io.tandem.media.silence;

import io.tandem.media.audio.FrameFormat;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An RFC 3389 comfort-noise payload: the noise level in −dBov (0-127) and optional spectral
 * information (quantised reflection coefficients, one byte each), which this package carries but
 * does not use: generated noise is white.
 *
 * <p>dBov here is the RMS level relative to a full-scale 16-bit square wave (RMS 32767), so a level
 * of 60 is an RMS of about 33.
 *
 * @param level the noise level, −dBov, 0 (loudest) to 127 (quietest)
 * @param spectrum the reflection-coefficient bytes (not copied), possibly empty
 */
public record ComfortNoise(int level, byte[] spectrum) {

  /** The static RTP payload type of comfort noise (RFC 3551). */
  public static final int PAYLOAD_TYPE = 13;

  private static final double FULL_SCALE = Short.MAX_VALUE;

  /** Validates the level. */
  public ComfortNoise {
    if (level < 0 || level > 127) {
      throw new IllegalArgumentException("noise level out of range 0..127: " + level);
    }
  }

  /** A payload of {@code level} with no spectral information. */
  public static ComfortNoise ofLevel(int level) {
    return new ComfortNoise(level, new byte[0]);
  }

  /** A payload describing the level of {@code frame}. */
  public static ComfortNoise describing(short[] frame) {
    return ofLevel(levelOf(frame));
  }

  /**
   * Reads an RTP payload of type 13.
   *
   * @throws IllegalArgumentException if it is empty or its level byte has the reserved top bit
   */
  public static ComfortNoise parse(byte[] payload) {
    if (payload.length == 0) {
      throw new IllegalArgumentException("comfort-noise payload needs at least the level byte");
    }
    if ((payload[0] & 0x80) != 0) {
      throw new IllegalArgumentException("comfort-noise level byte has its reserved bit set");
    }
    return new ComfortNoise(payload[0], Arrays.copyOfRange(payload, 1, payload.length));
  }

  /** The payload bytes. */
  public byte[] toBytes() {
    byte[] bytes = new byte[1 + spectrum.length];
    bytes[0] = (byte) level;
    System.arraycopy(spectrum, 0, bytes, 1, spectrum.length);
    return bytes;
  }

  /** The level of {@code samples} in −dBov, 0-127 (127 for digital silence). */
  public static int levelOf(short[] samples) {
    double rms = Math.sqrt(FrameFormat.meanPower(samples));
    if (rms <= 0) {
      return 127;
    }
    long level = Math.round(-20 * Math.log10(rms / FULL_SCALE));
    return (int) Math.max(0, Math.min(127, level));
  }

  /** Fills {@code frame} with white noise at this payload's level. */
  public void fill(short[] frame, RandomGenerator random) {
    double rms = FULL_SCALE * Math.pow(10, -level / 20.0);
    for (int i = 0; i < frame.length; i++) {
      frame[i] = FrameFormat.saturate((int) Math.round(random.nextGaussian() * rms));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ComfortNoise that
        && level == that.level
        && Arrays.equals(spectrum, that.spectrum);
  }

  @Override
  public int hashCode() {
    return 31 * level + Arrays.hashCode(spectrum);
  }

  @Override
  public String toString() {
    return "ComfortNoise[-" + level + " dBov, " + spectrum.length + " coefficients]";
  }
}
