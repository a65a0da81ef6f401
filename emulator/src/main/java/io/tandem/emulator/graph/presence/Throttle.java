package io.tandem.emulator.graph.presence;

import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Graph's documented request limit for presence reads: at most {@code limit} requests per {@code
 * window} per application per tenant and API (1,500 per 30 s). Fixed windows that start at an app's
 * first request; past the limit the caller learns how long to wait.
 */
final class Throttle {

  private final Scheduler clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  Throttle(Scheduler clock) {
    this.clock = clock;
  }

  /**
   * Counts one request of {@code app} in {@code tenant} to {@code api}; returns zero when it may
   * proceed, else how long until the window ends (Graph's {@code Retry-After}).
   */
  Duration admit(String tenant, String app, String api, int limit, Duration window) {
    Instant now = clock.now();
    Window current =
        windows.compute(
            tenant + "/" + app + "/" + api,
            (key, w) ->
                w == null || !now.isBefore(w.start.plus(window))
                    ? new Window(now, 1)
                    : new Window(w.start, w.count + 1));
    if (current.count <= limit) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, current.start.plus(window));
    return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
  }

  /** Forgets every window (after the limits were changed). */
  void reset() {
    windows.clear();
  }

  private record Window(Instant start, int count) {}
}
