package io.tandem.media.dtmf;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Detects in-band DTMF in a stream of 20 ms frames and reports each key press once, after
 * debouncing: a digit must be classified in {@code onFrames} consecutive frames to count (default 2
 * = 40 ms, Q.24's shortest tone) and is released after {@code offFrames} frames without it (default
 * 2 = 40 ms, Q.24's shortest pause), so a one-frame dropout does not report it twice.
 *
 * <p>States and moves ({@code d} = the frame holds the candidate/pressed digit, {@code x} = another
 * digit, {@code -} = none):
 *
 * <pre>
 *   SILENT      d/x → CANDIDATE (→ PRESSED, report, once onFrames reached)   - → SILENT
 *   CANDIDATE   d → count up (→ PRESSED, report, at onFrames)   x → CANDIDATE(x)   - → SILENT
 *   PRESSED     d → PRESSED          x/- → RELEASING
 *   RELEASING   d → PRESSED (dropout)   x/- → count up (→ SILENT at offFrames)
 * </pre>
 *
 * Not thread-safe: one thread feeds it.
 */
public final class DtmfToneDetector {

  /** Where the detector is in a key press. */
  public enum State {
    /** No digit heard. */
    SILENT,
    /** A digit heard for fewer than {@code onFrames} frames. */
    CANDIDATE,
    /** A digit reported and still sounding. */
    PRESSED,
    /** The reported digit stopped for fewer than {@code offFrames} frames. */
    RELEASING
  }

  private final DtmfToneClassifier classifier = new DtmfToneClassifier();
  private final int onFrames;
  private final int offFrames;
  private State state = State.SILENT;
  private @Nullable DtmfDigit digit;
  private int count;

  /** A detector with the default 40 ms on and off debounce. */
  public DtmfToneDetector() {
    this(2, 2);
  }

  /** A detector needing {@code onFrames} frames to press and {@code offFrames} to release. */
  public DtmfToneDetector(int onFrames, int offFrames) {
    if (onFrames < 1 || offFrames < 1) {
      throw new IllegalArgumentException("debounce needs at least one frame each way");
    }
    this.onFrames = onFrames;
    this.offFrames = offFrames;
  }

  /** The current state. */
  public State state() {
    return state;
  }

  /** Feeds one 20 ms frame; yields a digit when a key press has just been confirmed. */
  public Optional<DtmfDigit> accept(short[] frame) {
    DtmfDigit heard = classifier.classify(frame);
    return switch (state) {
      case SILENT -> heard == null ? Optional.empty() : candidate(heard);
      case CANDIDATE -> {
        if (heard == null) {
          state = State.SILENT;
          yield Optional.empty();
        }
        if (heard != digit) {
          yield candidate(heard);
        }
        count++;
        yield count >= onFrames ? press() : Optional.empty();
      }
      case PRESSED -> {
        if (heard != digit) {
          state = State.RELEASING;
          count = 1;
          release();
        }
        yield Optional.empty();
      }
      case RELEASING -> {
        if (heard == digit) {
          state = State.PRESSED;
        } else {
          count++;
          release();
        }
        yield Optional.empty();
      }
    };
  }

  private Optional<DtmfDigit> candidate(DtmfDigit heard) {
    state = State.CANDIDATE;
    digit = heard;
    count = 1;
    return count >= onFrames ? press() : Optional.empty();
  }

  private Optional<DtmfDigit> press() {
    state = State.PRESSED;
    return Optional.ofNullable(digit);
  }

  private void release() {
    if (count >= offFrames) {
      state = State.SILENT;
      digit = null;
    }
  }
}
