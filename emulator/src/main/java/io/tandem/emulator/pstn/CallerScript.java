package io.tandem.emulator.pstn;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a simulated PSTN caller does: dials {@code to} from {@code from}, presses digits at given
 * times after the call is answered, says scripted sentences (carried as speech-recognition results
 * and transcription text), hangs up if not connected to a person within {@code patience}, and hangs
 * up {@code talkFor} after reaching one.
 */
public record CallerScript(
    String from,
    String to,
    @Nullable String displayName,
    List<TimedDigits> digits,
    List<TimedUtterance> utterances,
    @Nullable Duration patience,
    @Nullable Duration talkFor) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern DIGITS = Pattern.compile("[0-9*#A-Da-d]+");

  public CallerScript {
    if (from == null || !E164.matcher(from).matches()) {
      throw new IllegalArgumentException("from must be +E164, was: " + from);
    }
    if (to == null || !E164.matcher(to).matches()) {
      throw new IllegalArgumentException("to must be +E164, was: " + to);
    }
    digits = digits == null ? List.of() : List.copyOf(digits);
    utterances = utterances == null ? List.of() : List.copyOf(utterances);
    for (TimedDigits step : digits) {
      if (step.digits() == null || !DIGITS.matcher(step.digits()).matches()) {
        throw new IllegalArgumentException("digits may hold 0-9 * # A-D only: " + step.digits());
      }
    }
    requireNotNegative(patience, "patience");
    requireNotNegative(talkFor, "talkFor");
  }

  /** Digits pressed {@code after} the call was answered (by the contact center or a person). */
  public record TimedDigits(Duration after, String digits) {
    public TimedDigits {
      requireNotNegative(after, "digits.after");
    }
  }

  /** A sentence said {@code after} the call was answered. */
  public record TimedUtterance(Duration after, String text) {
    public TimedUtterance {
      requireNotNegative(after, "utterances.after");
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("an utterance needs text");
      }
    }
  }

  private static void requireNotNegative(@Nullable Duration value, String what) {
    if (value != null && value.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative");
    }
  }
}
