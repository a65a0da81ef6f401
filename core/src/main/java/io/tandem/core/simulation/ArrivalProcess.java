package io.tandem.core.simulation;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A Poisson process whose rate is constant within each {@link ArrivalStep} and may repeat in
 * cycles, generated lazily one arrival at a time (nothing is stored ahead).
 *
 * <p>Algorithm: inversion of the cumulative rate. Each gap is an exponential amount of "expected
 * arrivals" {@code E ~ Exp(1)}, spent across steps at their rates until used up; a step with rate 0
 * spends nothing (see e.g. Lewis and Shedler, "Simulation of nonhomogeneous Poisson processes",
 * 1979, the time-transformation method).
 */
final class ArrivalProcess {

  /** Returned by {@link #next} when no further arrival will ever come. */
  static final long NEVER = Long.MAX_VALUE;

  private static final double NANOS_PER_HOUR = 3_600_000_000_000d;

  private final long[] from;
  private final double[] ratePerNano;
  private final long cycle;
  private final boolean anyArrivals;
  private long cycleStart;
  private int step = -1;
  private long now;

  ArrivalProcess(List<ArrivalStep> steps, @Nullable Duration repeatEvery) {
    int n = steps.size();
    from = new long[n];
    ratePerNano = new double[n];
    boolean positive = false;
    for (int i = 0; i < n; i++) {
      from[i] = steps.get(i).from().toNanos();
      ratePerNano[i] = steps.get(i).perHour() / NANOS_PER_HOUR;
      positive |= ratePerNano[i] > 0;
    }
    cycle = repeatEvery == null ? 0 : repeatEvery.toNanos();
    anyArrivals = positive;
    advanceStepsTo(0);
  }

  /** The offset (nanoseconds after the start) of the next arrival, or {@link #NEVER}. */
  long next(RandomGenerator random) {
    if (!anyArrivals || now == NEVER) {
      return NEVER;
    }
    double expected = random.nextExponential();
    while (true) {
      long end = stepEnd();
      double rate = step < 0 ? 0 : ratePerNano[step];
      if (rate > 0) {
        double needed = expected / rate;
        if (end == NEVER || needed < end - now) {
          double at = now + needed;
          now = at >= NEVER ? NEVER : Math.max(now, (long) at);
          return now;
        }
        expected -= rate * (end - now);
      } else if (end == NEVER) {
        now = NEVER;
        return NEVER;
      }
      now = end;
      nextStep();
    }
  }

  private long stepEnd() {
    if (step + 1 < from.length) {
      return cycleStart + from[step + 1];
    }
    return cycle > 0 ? cycleStart + cycle : NEVER;
  }

  private void nextStep() {
    if (step + 1 < from.length) {
      step++;
    } else {
      cycleStart += cycle;
      step = -1;
      advanceStepsTo(cycleStart);
    }
  }

  /** Skips steps of zero length at the start of a cycle (a first step from 0). */
  private void advanceStepsTo(long at) {
    while (step + 1 < from.length && cycleStart + from[step + 1] <= at) {
      step++;
    }
  }
}
