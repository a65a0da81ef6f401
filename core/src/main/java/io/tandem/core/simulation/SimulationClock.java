package io.tandem.core.simulation;

import io.tandem.core.time.Timer;
import io.tandem.core.time.VirtualTime;
import java.time.Instant;

/**
 * The simulation's view of virtual time in nanoseconds since the scenario start, and the control
 * flags of one run: arrivals closed, stop requested.
 */
final class SimulationClock {

  final VirtualTime time;
  private final Instant start;
  private final long startEpochNanos;

  SimulationClock(Instant start) {
    this.time = new VirtualTime(start);
    this.start = start;
    this.startEpochNanos = epochNanos(start);
  }

  /** Nanoseconds since the scenario start. */
  long now() {
    return epochNanos(time.instant()) - startEpochNanos;
  }

  Instant at(long offset) {
    return start.plusNanos(offset);
  }

  /** Nanoseconds since the scenario start of {@code instant}. */
  long offsetOf(Instant instant) {
    return epochNanos(instant) - startEpochNanos;
  }

  Timer schedule(long offset, Runnable task) {
    return time.schedule(at(offset), task);
  }

  Timer scheduleAfter(long delay, Runnable task) {
    return schedule(now() + delay, task);
  }

  static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
