package io.tandem.core.insight;

import java.time.Duration;
import java.util.Objects;

/**
 * One final piece of a call's transcript.
 *
 * @param speaker who spoke: {@code customer}, {@code agent}, or a channel's raw participant id
 * @param text what was said; not blank
 * @param offset where in the call it starts (from the start of transcription); not negative
 * @param duration how long it was spoken; not negative
 * @param confidence how sure the recognizer was, 0-1
 */
public record TranscriptSegment(
    String speaker, String text, Duration offset, Duration duration, double confidence) {

  /** The speaker that stands for the caller. */
  public static final String CUSTOMER = "customer";

  /** The speaker that stands for the agent. */
  public static final String AGENT = "agent";

  /** Rejects a blank speaker or text, negative times and a confidence outside 0-1. */
  public TranscriptSegment {
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(duration, "duration");
    if (speaker.isBlank()) {
      throw new IllegalArgumentException("a transcript segment needs a speaker");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("a transcript segment needs text");
    }
    if (offset.isNegative() || duration.isNegative()) {
      throw new IllegalArgumentException(
          "offset and duration must not be negative, got " + offset + " and " + duration);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be 0-1, got " + confidence);
    }
  }
}
