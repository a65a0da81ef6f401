package io.tandem.core.flow;

import org.jspecify.annotations.Nullable;

/**
 * Turns DTMF keys into the answer an {@link InputRequest} waits for, the same on every channel: the
 * first key for a choice; for digits, what was keyed once the maximum is reached or the terminator
 * pressed (the terminator itself left out), or at the timeout when at least the minimum (and at
 * least one digit) was keyed. Not thread-safe: confined to its owner.
 */
public final class KeyedAnswer {

  private final InputRequest request;
  private final StringBuilder keyed = new StringBuilder();

  public KeyedAnswer(InputRequest request) {
    this.request = request;
  }

  /** The answer complete with {@code key}, or null while more is awaited. */
  public @Nullable String accept(String key) {
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

  /** Whether some digits were keyed and more are awaited. */
  public boolean started() {
    return !keyed.isEmpty();
  }

  /** What the timeout yields: the digits keyed when there are enough, else null (no input). */
  public @Nullable String timedOut() {
    if (request instanceof InputRequest.Digits digits
        && keyed.length() >= Math.max(1, digits.minLength())) {
      return keyed.toString();
    }
    return null;
  }

  public InputRequest request() {
    return request;
  }
}
