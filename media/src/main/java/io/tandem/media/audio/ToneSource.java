package io.tandem.media.audio;

import java.time.Duration;

/**
 * An endless tone of one or two sines (dial tone, ringback, beeps), optionally cadenced on and off
 * (ringback: 1 s on, 4 s off in North America; 0.4 s on, 0.2 s off, 0.4 s on, 2 s off in the UK as
 * two cadence steps), phase-continuous across frames.
 */
public final class ToneSource implements AudioSource {

  private final double firstStep;
  private final double secondStep;
  private final int amplitude;
  private final int onSamples;
  private final int periodSamples;
  private long sample;

  private ToneSource(double firstHz, double secondHz, int amplitude, Duration on, Duration off) {
    if (amplitude < 0 || amplitude > Short.MAX_VALUE / 2) {
      throw new IllegalArgumentException("amplitude out of range 0..16383: " + amplitude);
    }
    this.firstStep = 2 * Math.PI * firstHz / FrameFormat.SAMPLE_RATE;
    this.secondStep = 2 * Math.PI * secondHz / FrameFormat.SAMPLE_RATE;
    this.amplitude = amplitude;
    this.onSamples = FrameFormat.samplesIn(on);
    this.periodSamples = onSamples + FrameFormat.samplesIn(off);
  }

  /** A steady single tone of {@code hz} with peak {@code amplitude}. */
  public static ToneSource steady(double hz, int amplitude) {
    return new ToneSource(hz, 0, amplitude, Duration.ofDays(1), Duration.ZERO);
  }

  /** A steady dual tone (each sine of peak {@code amplitude}), e.g. 350 + 440 Hz dial tone. */
  public static ToneSource steady(double firstHz, double secondHz, int amplitude) {
    return new ToneSource(firstHz, secondHz, amplitude, Duration.ofDays(1), Duration.ZERO);
  }

  /** A dual tone sounding for {@code on}, silent for {@code off}, repeating (e.g. ringback). */
  public static ToneSource cadenced(
      double firstHz, double secondHz, int amplitude, Duration on, Duration off) {
    return new ToneSource(firstHz, secondHz, amplitude, on, off);
  }

  @Override
  public boolean read(short[] frame) {
    for (int i = 0; i < frame.length; i++, sample++) {
      if (sample % periodSamples >= onSamples) {
        frame[i] = 0;
        continue;
      }
      double value = Math.sin(firstStep * sample);
      if (secondStep != 0) {
        value += Math.sin(secondStep * sample);
      }
      frame[i] = (short) Math.round(amplitude * value);
    }
    return true;
  }
}
