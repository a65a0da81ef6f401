package io.tandem.core.simulation;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A distribution of durations (handle times, caller patience, answer delays), sampled in
 * nanoseconds. Parameters are checked by {@link ScenarioValidator}, not here, so that every problem
 * of a scenario can be reported at once.
 */
public sealed interface Distribution {

  /** One sample, in nanoseconds, never negative. */
  long sampleNanos(RandomGenerator random);

  /** The largest value a sample can take, in nanoseconds; {@link Long#MAX_VALUE} if unbounded. */
  long maxNanos();

  /** Exponential with the given mean (memoryless: the classic model of patience). */
  record Exponential(Duration mean) implements Distribution {
    public Exponential {
      Objects.requireNonNull(mean, "mean");
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      return toNanos(mean.toNanos() * random.nextExponential());
    }

    @Override
    public long maxNanos() {
      return Long.MAX_VALUE;
    }

    @Override
    public String toString() {
      return "exponential(mean " + Durations.format(mean) + ")";
    }
  }

  /**
   * Log-normal with the given mean and standard deviation of the durations themselves (not of their
   * logarithm), the usual model of handle times. With {@code m} the mean and {@code s} the standard
   * deviation, the underlying normal has {@code sigma² = ln(1 + s²/m²)} and {@code mu = ln(m) -
   * sigma²/2}.
   */
  record LogNormal(Duration mean, Duration stddev) implements Distribution {
    public LogNormal {
      Objects.requireNonNull(mean, "mean");
      Objects.requireNonNull(stddev, "stddev");
    }

    /** The standard deviation of the underlying normal distribution. */
    public double sigma() {
      double ratio = (double) stddev.toNanos() / mean.toNanos();
      return Math.sqrt(Math.log1p(ratio * ratio));
    }

    /** The mean of the underlying normal distribution (of the logarithm of nanoseconds). */
    public double mu() {
      double sigma = sigma();
      return Math.log(mean.toNanos()) - sigma * sigma / 2;
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      return toNanos(Math.exp(mu() + sigma() * random.nextGaussian()));
    }

    @Override
    public long maxNanos() {
      return Long.MAX_VALUE;
    }

    @Override
    public String toString() {
      return "lognormal(mean "
          + Durations.format(mean)
          + ", stddev "
          + Durations.format(stddev)
          + ")";
    }
  }

  /** Always the same value. */
  record Fixed(Duration value) implements Distribution {
    public Fixed {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      return value.toNanos();
    }

    @Override
    public long maxNanos() {
      return value.toNanos();
    }

    @Override
    public String toString() {
      return Durations.format(value);
    }
  }

  /** Uniform between {@code min} and {@code max} inclusive. */
  record Uniform(Duration min, Duration max) implements Distribution {
    public Uniform {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      long low = min.toNanos();
      long high = max.toNanos();
      return high <= low ? low : random.nextLong(low, high + 1);
    }

    @Override
    public long maxNanos() {
      return max.toNanos();
    }

    @Override
    public String toString() {
      return "uniform(" + Durations.format(min) + ".." + Durations.format(max) + ")";
    }
  }

  private static long toNanos(double nanos) {
    if (!(nanos > 0)) {
      return 0;
    }
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
  }
}
