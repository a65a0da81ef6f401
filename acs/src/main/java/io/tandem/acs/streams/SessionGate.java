package io.tandem.acs.streams;

import io.tandem.acs.streams.Reception.Refusal;
import io.tandem.acs.streams.Reception.Refused;
import org.jspecify.annotations.Nullable;

/**
 * The state of one stream session and its count of refused frames. Legal moves:
 *
 * <pre>
 *                      metadata     data                close
 *   AWAITING_METADATA  STREAMING    refused (before)    CLOSED
 *   STREAMING          STREAMING    STREAMING           CLOSED
 *   CLOSED             refused      refused             CLOSED (no effect)
 * </pre>
 */
final class SessionGate {

  enum State {
    AWAITING_METADATA,
    STREAMING,
    CLOSED
  }

  private final int maxRefused;
  private State state = State.AWAITING_METADATA;
  private int refused;

  SessionGate(int maxRefused) {
    if (maxRefused < 1) {
      throw new IllegalArgumentException("maxRefused must be at least 1, not " + maxRefused);
    }
    this.maxRefused = maxRefused;
  }

  State state() {
    return state;
  }

  /** Null when a metadata frame may be taken now (and the session is then streaming). */
  @Nullable Refusal metadata() {
    if (state == State.CLOSED) {
      return Refusal.CLOSED;
    }
    state = State.STREAMING;
    return null;
  }

  /** Null when a data frame may be taken now. */
  @Nullable Refusal data() {
    return switch (state) {
      case AWAITING_METADATA -> Refusal.BEFORE_METADATA;
      case STREAMING -> null;
      case CLOSED -> Refusal.CLOSED;
    };
  }

  /** True when this closed the session, false when it was closed already. */
  boolean close() {
    boolean wasOpen = state != State.CLOSED;
    state = State.CLOSED;
    return wasOpen;
  }

  Refused refuse(Refusal reason, String detail) {
    refused++;
    return new Refused(reason, detail, refused >= maxRefused);
  }
}
