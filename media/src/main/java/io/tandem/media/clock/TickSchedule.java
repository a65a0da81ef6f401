package io.tandem.media.clock;

/**
 * When each tick of a paced task is due, by absolute deadline: tick {@code n} is due at {@code
 * start + n × period}, so lateness in one tick shortens the wait for the next instead of piling up
 * (a fixed-delay schedule would drift by the run time and scheduler latency every period).
 *
 * <p>If the task falls behind by up to {@link #MAX_CATCH_UP} periods it catches up by running the
 * missed ticks back to back; beyond that (a long GC pause, a suspended machine) it skips them and
 * continues from the current period, because a burst of stale audio is worse than a gap.
 *
 * @param startNanos the reference instant (tick 0), in {@link System#nanoTime()} units
 * @param periodNanos the tick period
 */
public record TickSchedule(long startNanos, long periodNanos) {

  /** How many periods behind the task may fall and still catch up. */
  public static final int MAX_CATCH_UP = 5;

  /** The next tick to run after tick {@code completed}, and how long to wait for it. */
  public record Next(long tick, long delayNanos) {}

  /** The deadline of tick {@code tick}. */
  public long deadline(long tick) {
    return startNanos + tick * periodNanos;
  }

  /** What follows tick {@code completed} when it finished at {@code nowNanos}. */
  public Next after(long completed, long nowNanos) {
    long next = completed + 1;
    long delay = deadline(next) - nowNanos;
    if (delay < -MAX_CATCH_UP * periodNanos) {
      long current = (nowNanos - startNanos) / periodNanos;
      next = current + 1;
      delay = deadline(next) - nowNanos;
    }
    return new Next(next, Math.max(0, delay));
  }
}
