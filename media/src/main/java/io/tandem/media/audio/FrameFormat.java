package io.tandem.media.audio;

import java.time.Duration;

/**
 * The media plane's one audio frame: 20 ms of 16-bit linear mono PCM at 8000 samples per second,
 * 160 samples, which is one G.711 RTP packet.
 */
public final class FrameFormat {

  /** Samples per second. */
  public static final int SAMPLE_RATE = 8000;

  /** Samples in one frame. */
  public static final int SAMPLES = 160;

  /** Milliseconds in one frame. */
  public static final int MILLIS = 20;

  /** The length of one frame. */
  public static final Duration DURATION = Duration.ofMillis(MILLIS);

  private FrameFormat() {}

  /** A frame of silence (all zero). */
  public static short[] silentFrame() {
    return new short[SAMPLES];
  }

  /** How many samples {@code duration} holds at 8 kHz. */
  public static int samplesIn(Duration duration) {
    return Math.toIntExact(duration.toMillis() * SAMPLE_RATE / 1000);
  }

  /** The mean power (mean square) of {@code samples}. */
  public static double meanPower(short[] samples) {
    if (samples.length == 0) {
      return 0;
    }
    double sum = 0;
    for (short sample : samples) {
      sum += (double) sample * sample;
    }
    return sum / samples.length;
  }

  /** {@code value} clamped to the 16-bit range. */
  public static short saturate(int value) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
  }
}
