package io.tandem.emulator.graph.presence;

import java.time.Duration;

/**
 * Limits and timings of the emulated presence service, changeable while it runs ({@code PUT
 * /emulator/graph/presence/settings}, or {@link GraphPresence#changeSettings}). Defaults are
 * Graph's documented values; documented in {@code emulator/README.md}.
 *
 * @param throttling whether read requests are throttled at all
 * @param throttleRequests requests allowed per window, per app per tenant and API (1500)
 * @param throttleWindow the throttling window (30 s)
 * @param validationTimeout how long a notification URL has to echo the validation token (10 s)
 * @param deliveryTimeout how long a notification URL has to answer a notification (3 s)
 * @param retryInterval the wait before a failed notification is sent again (10 min)
 * @param retryFor how long a notification is retried before it is dropped and the subscription
 *     removed (4 h)
 * @param maxBatch most change notifications in one POST (100)
 */
public record PresenceSettings(
    boolean throttling,
    int throttleRequests,
    Duration throttleWindow,
    Duration validationTimeout,
    Duration deliveryTimeout,
    Duration retryInterval,
    Duration retryFor,
    int maxBatch) {

  public PresenceSettings {
    positive(throttleRequests, "throttleRequests");
    positive(maxBatch, "maxBatch");
    for (Duration d :
        new Duration[] {
          throttleWindow, validationTimeout, deliveryTimeout, retryInterval, retryFor
        }) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive");
      }
    }
  }

  /** Graph's documented values. */
  public static PresenceSettings graphDefaults() {
    return new PresenceSettings(
        true,
        1500,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(3),
        Duration.ofMinutes(10),
        Duration.ofHours(4),
        100);
  }

  public PresenceSettings withThrottling(boolean on, int requests, Duration window) {
    return new PresenceSettings(
        on,
        requests,
        window,
        validationTimeout,
        deliveryTimeout,
        retryInterval,
        retryFor,
        maxBatch);
  }

  public PresenceSettings withTimeouts(Duration validation, Duration delivery) {
    return new PresenceSettings(
        throttling,
        throttleRequests,
        throttleWindow,
        validation,
        delivery,
        retryInterval,
        retryFor,
        maxBatch);
  }

  public PresenceSettings withRetries(Duration interval, Duration giveUpAfter) {
    return new PresenceSettings(
        throttling,
        throttleRequests,
        throttleWindow,
        validationTimeout,
        deliveryTimeout,
        interval,
        giveUpAfter,
        maxBatch);
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1");
    }
  }
}
