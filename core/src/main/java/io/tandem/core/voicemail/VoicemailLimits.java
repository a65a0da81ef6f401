package io.tandem.core.voicemail;

import java.time.Duration;

/**
 * How long a voicemail message may and must be: recording stops at {@code maxLength}; a recording
 * shorter than {@code minLength} is no message.
 */
public record VoicemailLimits(Duration maxLength, Duration minLength) {

  /** Two minutes at most, one second at least. */
  public static final VoicemailLimits DEFAULT =
      new VoicemailLimits(Duration.ofSeconds(120), Duration.ofSeconds(1));

  public VoicemailLimits {
    if (!maxLength.isPositive() || minLength.isNegative() || minLength.compareTo(maxLength) > 0) {
      throw new IllegalArgumentException(
          "voicemail limits need 0 <= minLength <= maxLength and maxLength > 0: "
              + minLength
              + ", "
              + maxLength);
    }
  }

  /** Whether a recording of {@code length} is a message. */
  public boolean keeps(Duration length) {
    return length.compareTo(minLength) >= 0;
  }

  /** {@link #maxLength()} in whole seconds, at least 1 (the unit Graph and timers take). */
  public int maxSeconds() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxLength.toSeconds()));
  }
}
