package io.tandem.server.webhook;

import java.util.EnumMap;
import java.util.Map;

/**
 * Whether a webhook delivers: the states of its life and the one table of legal moves.
 *
 * <pre>
 *            pause               fail
 *   PAUSED &lt;-------- ACTIVE --------&gt; FAILED
 *     |   -------->   ^  ^  <--------   |
 *     |    resume     |     resume      |
 *     &lt;------------------------ pause ---
 * </pre>
 *
 * A user pauses and resumes (the API's {@code enabled}); only the dispatcher fails a webhook, when
 * the receiver answers 410 Gone or every attempt at one event failed. Resuming a failed webhook
 * retries the event it gave up on.
 */
public enum WebhookStatus {
  /** Delivering events. */
  ACTIVE,
  /** Stopped by a user; the cursor stays where it was. */
  PAUSED,
  /** Stopped by the dispatcher after delivery gave up; the reason is recorded. */
  FAILED;

  /** A transition between states. */
  public enum Move {
    PAUSE,
    RESUME,
    FAIL
  }

  private static final Map<WebhookStatus, Map<Move, WebhookStatus>> LEGAL =
      new EnumMap<>(
          Map.of(
              ACTIVE, new EnumMap<>(Map.of(Move.PAUSE, PAUSED, Move.FAIL, FAILED)),
              PAUSED, new EnumMap<>(Map.of(Move.RESUME, ACTIVE)),
              FAILED, new EnumMap<>(Map.of(Move.RESUME, ACTIVE, Move.PAUSE, PAUSED))));

  /** The state after {@code move}, or {@link IllegalStateException} if it is not legal here. */
  public WebhookStatus after(Move move) {
    WebhookStatus next = LEGAL.get(this).get(move);
    if (next == null) {
      throw new IllegalStateException("a webhook that is " + this + " cannot " + move);
    }
    return next;
  }

  public WebhookStatus pause() {
    return after(Move.PAUSE);
  }

  public WebhookStatus resume() {
    return after(Move.RESUME);
  }

  public WebhookStatus fail() {
    return after(Move.FAIL);
  }
}
