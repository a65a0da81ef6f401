package io.tandem.graph.presence;

import java.time.Duration;

/**
 * How {@link PresencePublisher} writes Tandem's presence session.
 *
 * @param sessionId the app session's id: Graph requires the calling app's id (client id)
 * @param expiration the session's {@code expirationDuration}, PT5M to PT4H (Graph's range); a
 *     session Tandem stops refreshing (Tandem down) disappears after this
 * @param refreshLead how long before {@code expiration} runs out a session still wanted is set
 *     again; shorter than {@code expiration}
 * @param requestsPerWindow at most this many setPresence/clearPresence requests per {@code window};
 *     further changes wait for the next window (clears first)
 * @param window the rate window
 * @param retryDelay the wait before a user's request that failed (after the Graph client's own
 *     retries) is tried again
 */
public record PublishSettings(
    String sessionId,
    Duration expiration,
    Duration refreshLead,
    int requestsPerWindow,
    Duration window,
    Duration retryDelay) {

  /** Graph's shortest {@code expirationDuration}. */
  public static final Duration MIN_EXPIRATION = Duration.ofMinutes(5);

  /** Graph's longest {@code expirationDuration}. */
  public static final Duration MAX_EXPIRATION = Duration.ofHours(4);

  public PublishSettings {
    if (sessionId.isBlank()) {
      throw new IllegalArgumentException("the session id is the app's id, not blank");
    }
    if (expiration.compareTo(MIN_EXPIRATION) < 0 || expiration.compareTo(MAX_EXPIRATION) > 0) {
      throw new IllegalArgumentException(
          "a presence session's expiration is PT5M to PT4H, not " + expiration);
    }
    if (refreshLead.isNegative()
        || refreshLead.isZero()
        || refreshLead.compareTo(expiration) >= 0) {
      throw new IllegalArgumentException(
          "the refresh lead must be positive and shorter than the expiration " + expiration);
    }
    if (requestsPerWindow < 1 || !window.isPositive() || !retryDelay.isPositive()) {
      throw new IllegalArgumentException("the rate and retry delay must be positive");
    }
  }

  /**
   * One-hour sessions refreshed 5 minutes before they expire, at most 300 requests per 30 s (Graph
   * documents no limit of its own for setPresence; this stays well under the 1,500 per 30 s of the
   * presence reads), a failed request tried again after 30 s.
   */
  public static PublishSettings defaults(String sessionId) {
    return new PublishSettings(
        sessionId,
        Duration.ofHours(1),
        Duration.ofMinutes(5),
        300,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30));
  }
}
