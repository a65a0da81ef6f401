package io.tandem.graph.extend;

import io.tandem.core.flow.InputRequest;
import org.jspecify.annotations.Nullable;

/**
 * Turns DTMF tones into the answer an {@link InputRequest} waits for: the first key for a choice;
 * for digits, what was keyed once the maximum is reached or the terminator pressed, or at the
 * timeout when at least the minimum was keyed. Confined to one call's lane.
 */
final class ToneCollector {

  private final InputRequest request;
  private final StringBuilder keyed = new StringBuilder();

  ToneCollector(InputRequest request) {
    this.request = request;
  }

  /** The answer complete with {@code tone}, or null while more is awaited. */
  @Nullable String accept(String tone) {
    return switch (request) {
      case InputRequest.Choice choice -> tone;
      case InputRequest.Digits digits -> {
        if (tone.equals(digits.terminator())) {
          yield keyed.toString();
        }
        keyed.append(tone);
        yield keyed.length() >= digits.maxLength() ? keyed.toString() : null;
      }
    };
  }

  /** What the timeout yields: the digits keyed when there are enough, else null (no input). */
  @Nullable String timedOut() {
    if (request instanceof InputRequest.Digits digits
        && keyed.length() >= Math.max(1, digits.minLength())) {
      return keyed.toString();
    }
    return null;
  }
}
