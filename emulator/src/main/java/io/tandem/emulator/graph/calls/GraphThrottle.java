package io.tandem.emulator.graph.calls;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Graph's throttling, switchable: past {@code throttleLimit} requests of one app in one tenant
 * within a fixed {@code throttleWindow}, requests get 429 {@code TooManyRequests} with {@code
 * Retry-After} (whole seconds until the window ends, at least 1). Off when the limit is 0.
 */
final class GraphThrottle {

  private static final class Window {
    Instant start;
    int count;

    Window(Instant start) {
      this.start = start;
    }
  }

  private final Scheduler clock;
  private final Supplier<GraphCallsSettings> settings;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  GraphThrottle(Scheduler clock, Supplier<GraphCallsSettings> settings) {
    this.clock = clock;
    this.settings = settings;
  }

  /** Counts a request of {@code token}'s app; throws 429 past the limit. */
  void admit(AccessToken token) {
    GraphCallsSettings now = settings.get();
    if (now.throttleLimit() == 0) {
      return;
    }
    Instant at = clock.now();
    Window window =
        windows.computeIfAbsent(token.tenantId() + "/" + token.appId(), key -> new Window(at));
    Duration left;
    synchronized (window) {
      if (!at.isBefore(window.start.plus(now.throttleWindow()))) {
        window.start = at;
        window.count = 0;
      }
      if (++window.count <= now.throttleLimit()) {
        return;
      }
      left = Duration.between(at, window.start.plus(now.throttleWindow()));
    }
    long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
    HttpProblem refused =
        GraphErrors.problem(
            429,
            "TooManyRequests",
            "Too many requests from app "
                + token.appId()
                + " in tenant "
                + token.tenantId()
                + ": more than "
                + now.throttleLimit()
                + " per "
                + now.throttleWindow()
                + ".");
    throw new HttpProblem(refused.reply().withHeader("Retry-After", Long.toString(seconds)));
  }
}
