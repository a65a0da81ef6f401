package io.tandem.sip.media;

import io.tandem.core.flow.InputRequest;
import org.jspecify.annotations.Nullable;

/**
 * Turns DTMF keys into the answer an {@link InputRequest} waits for, as the Extend adapter does:
 * the first key for a choice; for digits, what was keyed once the maximum is reached or the
 * terminator pressed (the terminator itself left out), or at the timeout when at least the minimum
 * (and at least one digit) was keyed. Not thread-safe: its owner's lock guards it.
 */
final class DigitCollector {

  private final InputRequest request;
  private final StringBuilder keyed = new StringBuilder();

  DigitCollector(InputRequest request) {
    this.request = request;
  }

  /** The answer complete with {@code key}, or null while more is awaited. */
  @Nullable String accept(String key) {
    return switch (request) {
      case InputRequest.Choice choice -> key;
      case InputRequest.Digits digits -> {
        if (key.equals(digits.terminator())) {
          yield keyed.toString();
        }
        keyed.append(key);
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

  /** How long to wait once the prompt has ended. */
  java.time.Duration timeout() {
    return request.timeout();
  }
}
