package io.tandem.core.tenant;

import io.tandem.core.time.Scheduler;
import io.tandem.core.time.Timer;
import io.tandem.core.time.VirtualTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Scheduler} on {@link VirtualTime} that records every timer, so a test can ask which
 * timers are still live (neither run nor cancelled) and when they are due.
 */
final class RecordingScheduler implements Scheduler {

  /** One timer as the tenant asked for it. */
  static final class Recorded {
    final Instant at;
    boolean ran;
    boolean cancelled;

    Recorded(Instant at) {
      this.at = at;
    }

    boolean live() {
      return !ran && !cancelled;
    }
  }

  private final VirtualTime time;
  private final List<Recorded> timers = new ArrayList<>();

  RecordingScheduler(VirtualTime time) {
    this.time = time;
  }

  @Override
  public Timer schedule(Instant at, Runnable task) {
    Recorded recorded = new Recorded(at);
    timers.add(recorded);
    time.schedule(
        at,
        () -> {
          if (!recorded.cancelled) {
            recorded.ran = true;
            task.run();
          }
        });
    // Cancelling only marks the timer: VirtualTime#advanceTo, meeting a cancelled timer inside the
    // window, runs the next live one even when it is due after the window (and leaves the clock
    // there), so cancelled timers are never handed back to it.
    return () -> {
      if (!recorded.ran) {
        recorded.cancelled = true;
      }
    };
  }

  /** Timers neither run nor cancelled, in the order they were set. */
  List<Instant> liveTimers() {
    timers.removeIf(timer -> !timer.live());
    List<Instant> live = new ArrayList<>();
    for (Recorded timer : timers) {
      if (timer.live()) {
        live.add(timer.at);
      }
    }
    return live;
  }
}
