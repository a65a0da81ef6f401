package io.tandem.graph.presence;

import java.time.Duration;

/**
 * When and how often the {@link PresenceFeed} polls instead of waiting for notifications.
 *
 * @param silenceWindow polling starts once no notification has arrived for this long, and stops
 *     when one arrives. Default 2 min.
 * @param pollInterval how often everything is re-read while silent; also the wait before a failed
 *     read is tried again. Default 30 s.
 * @param requestsPerWindow how many {@code getPresencesByUserId} requests a poll may spend per
 *     {@code throttleWindow}: with many users the interval grows so polling stays inside this share
 *     of Graph's limit (1,500 requests per 30 s per app per tenant). Default 750, half the limit,
 *     leaving the rest to notification-driven reads.
 * @param throttleWindow Graph's throttling window. Default 30 s.
 */
public record PollingSettings(
    Duration silenceWindow, Duration pollInterval, int requestsPerWindow, Duration throttleWindow) {

  /** The defaults above. */
  public static final PollingSettings DEFAULT =
      new PollingSettings(
          Duration.ofMinutes(2), Duration.ofSeconds(30), 750, Duration.ofSeconds(30));

  public PollingSettings {
    if (!silenceWindow.isPositive() || !pollInterval.isPositive() || !throttleWindow.isPositive()) {
      throw new IllegalArgumentException("polling durations must be positive");
    }
    if (requestsPerWindow < 1) {
      throw new IllegalArgumentException("requestsPerWindow must be at least 1");
    }
  }

  /**
   * The poll interval for {@code userCount} users: {@code pollInterval}, or longer to stay in
   * budget.
   */
  public Duration intervalFor(int userCount) {
    long requests = Math.ceilDiv(Math.max(1, userCount), PresenceReader.MAX_IDS_PER_REQUEST);
    Duration withinBudget = throttleWindow.multipliedBy(requests).dividedBy(requestsPerWindow);
    return withinBudget.compareTo(pollInterval) > 0 ? withinBudget : pollInterval;
  }
}
