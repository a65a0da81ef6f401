package io.tandem.media.audio;

import java.util.Arrays;

/**
 * Plays a clip of 8 kHz PCM frame by frame, once or looping (music on hold). The last partial frame
 * is padded with silence; a looping clip wraps mid-frame so the loop has no gap.
 */
public final class ClipSource implements AudioSource {

  private final short[] samples;
  private final boolean loop;
  private int position;

  private ClipSource(short[] samples, boolean loop) {
    if (loop && samples.length == 0) {
      throw new IllegalArgumentException("cannot loop an empty clip");
    }
    this.samples = samples;
    this.loop = loop;
  }

  /** Plays {@code clip} (8 kHz) once. */
  public static ClipSource once(PcmAudio clip) {
    return new ClipSource(narrowband(clip), false);
  }

  /** Plays {@code clip} (8 kHz) over and over until stopped. */
  public static ClipSource looping(PcmAudio clip) {
    return new ClipSource(narrowband(clip), true);
  }

  @Override
  public boolean read(short[] frame) {
    if (!loop && position >= samples.length) {
      return false;
    }
    int filled = 0;
    while (filled < frame.length) {
      if (position >= samples.length) {
        if (!loop) {
          Arrays.fill(frame, filled, frame.length, (short) 0);
          break;
        }
        position = 0;
      }
      int count = Math.min(frame.length - filled, samples.length - position);
      System.arraycopy(samples, position, frame, filled, count);
      filled += count;
      position += count;
    }
    return true;
  }

  private static short[] narrowband(PcmAudio clip) {
    if (clip.sampleRate() != FrameFormat.SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "clips play at 8000 Hz, this one is " + clip.sampleRate() + " Hz: resample it first");
    }
    return clip.samples();
  }
}
