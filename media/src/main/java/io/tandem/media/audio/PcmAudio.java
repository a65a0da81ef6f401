package io.tandem.media.audio;

import java.time.Duration;
import java.util.Arrays;

/**
 * A clip of mono 16-bit linear PCM at some sample rate, such as a decoded prompt.
 *
 * @param sampleRate samples per second, positive
 * @param samples the samples (not copied: treat as read-only)
 */
public record PcmAudio(int sampleRate, short[] samples) {

  /** Validates the rate. */
  public PcmAudio {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
  }

  /** A clip at the media plane's 8 kHz. */
  public static PcmAudio narrowband(short[] samples) {
    return new PcmAudio(FrameFormat.SAMPLE_RATE, samples);
  }

  /** How long the clip plays. */
  public Duration duration() {
    return Duration.ofNanos(samples.length * 1_000_000_000L / sampleRate);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PcmAudio that
        && sampleRate == that.sampleRate
        && Arrays.equals(samples, that.samples);
  }

  @Override
  public int hashCode() {
    return 31 * sampleRate + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "PcmAudio[" + sampleRate + " Hz, " + samples.length + " samples]";
  }
}
