package io.tandem.media.silence;

/**
 * Marks 20 ms frames as speech or silence by energy: a frame louder than the threshold (default −45
 * dBov, well above line noise and well below speech) is speech; after speech, frames stay "speech"
 * for a hangover (default 10 frames, 200 ms) so the quiet ends of words are not cut.
 *
 * <p>States: {@code SILENCE} → {@code SPEECH} on a loud frame; {@code SPEECH} → {@code HANGOVER} on
 * a quiet one; {@code HANGOVER} → {@code SPEECH} on a loud frame, → {@code SILENCE} after the
 * hangover's quiet frames. Not thread-safe: one thread feeds it.
 */
public final class VoiceActivityDetector {

  /** Whether speech is going on. */
  public enum State {
    /** Quiet, and not just after speech. */
    SILENCE,
    /** The last frame was loud. */
    SPEECH,
    /** Quiet, but within the hangover after speech. */
    HANGOVER
  }

  /** The default threshold, −dBov. */
  public static final int DEFAULT_THRESHOLD = 45;

  /** The default hangover, in frames. */
  public static final int DEFAULT_HANGOVER = 10;

  private final int threshold;
  private final int hangover;
  private State state = State.SILENCE;
  private int quietFrames;

  /** A detector with the default threshold and hangover. */
  public VoiceActivityDetector() {
    this(DEFAULT_THRESHOLD, DEFAULT_HANGOVER);
  }

  /** A detector: louder than −{@code threshold} dBov is speech; {@code hangover} frames kept. */
  public VoiceActivityDetector(int threshold, int hangover) {
    this.threshold = threshold;
    this.hangover = hangover;
  }

  /** The current state. */
  public State state() {
    return state;
  }

  /** Feeds one frame; true if it is to be treated as silent. */
  public boolean isSilent(short[] frame) {
    boolean loud = ComfortNoise.levelOf(frame) < threshold;
    if (loud) {
      state = State.SPEECH;
      quietFrames = 0;
      return false;
    }
    switch (state) {
      case SPEECH, HANGOVER -> {
        quietFrames++;
        state = quietFrames > hangover ? State.SILENCE : State.HANGOVER;
      }
      case SILENCE -> {}
    }
    return state == State.SILENCE;
  }
}
