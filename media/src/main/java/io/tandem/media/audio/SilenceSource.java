package io.tandem.media.audio;

import java.time.Duration;
import java.util.Arrays;

/**
 * Silence (all-zero frames), endless or for a set time: keeps a stream flowing when nothing is to
 * be heard, or makes a pause between prompts.
 */
public final class SilenceSource implements AudioSource {

  private long framesLeft;

  private SilenceSource(long frames) {
    this.framesLeft = frames;
  }

  /** Silence until stopped. */
  public static SilenceSource endless() {
    return new SilenceSource(Long.MAX_VALUE);
  }

  /** Silence for {@code duration}, rounded up to whole frames. */
  public static SilenceSource lasting(Duration duration) {
    long millis = duration.toMillis();
    return new SilenceSource((millis + FrameFormat.MILLIS - 1) / FrameFormat.MILLIS);
  }

  @Override
  public boolean read(short[] frame) {
    if (framesLeft <= 0) {
      return false;
    }
    framesLeft--;
    Arrays.fill(frame, (short) 0);
    return true;
  }
}
