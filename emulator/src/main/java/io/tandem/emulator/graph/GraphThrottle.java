package io.tandem.emulator.graph;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Graph's request limits: at most {@code limit} requests per {@code window} per application per
 * tenant and API (an API is what a service limits on its own, e.g. presence's {@code
 * getPresencesByUserId}). Fixed windows that start at the app's first request in them; past the
 * limit 429 {@code TooManyRequests} with {@code Retry-After} in whole seconds until the window ends
 * (at least 1).
 */
public final class GraphThrottle {

  private record Window(Instant start, int count) {}

  private final Scheduler clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public GraphThrottle(Scheduler clock) {
    this.clock = clock;
  }

  /**
   * Counts one request of {@code token}'s app to {@code api}.
   *
   * @throws HttpProblem 429 in Graph's error shape with {@code Retry-After}, past the limit
   */
  public void admit(AccessToken token, String api, int limit, Duration window) {
    Instant now = clock.now();
    Window current =
        windows.compute(
            token.tenantId() + "/" + token.appId() + "/" + api,
            (key, w) ->
                w == null || !now.isBefore(w.start.plus(window))
                    ? new Window(now, 1)
                    : new Window(w.start, w.count + 1));
    if (current.count <= limit) {
      return;
    }
    Duration left = Duration.between(now, current.start.plus(window));
    long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
    HttpProblem refused =
        GraphErrors.problem(
            429,
            "TooManyRequests",
            "Application is over its request limit for "
                + api
                + " ("
                + limit
                + " requests per "
                + describe(window)
                + " per application per tenant). Retry after "
                + seconds
                + " seconds.");
    throw new HttpProblem(refused.reply().withHeader("Retry-After", Long.toString(seconds)));
  }

  /** Forgets every window (after the limits were changed). */
  public void reset() {
    windows.clear();
  }

  private static String describe(Duration window) {
    return window.toMillis() % 1000 == 0 ? window.toSeconds() + " seconds" : window.toString();
  }
}
