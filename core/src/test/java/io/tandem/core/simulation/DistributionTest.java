package io.tandem.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionTest {

  private static final int SAMPLES = 200_000;

  /** Mean and standard deviation of samples, in seconds. */
  private static double[] moments(Distribution distribution) {
    SplittableRandom random = new SplittableRandom(5);
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < SAMPLES; i++) {
      double seconds = distribution.sampleNanos(random) / 1e9;
      assertThat(seconds).isNotNegative();
      sum += seconds;
      squares += seconds * seconds;
    }
    double mean = sum / SAMPLES;
    return new double[] {mean, Math.sqrt(squares / SAMPLES - mean * mean)};
  }

  @Test
  void logNormal_isParametrisedByTheMeanAndStddevOfTheDurationsThemselves() {
    Distribution.LogNormal handle =
        new Distribution.LogNormal(Duration.ofMinutes(5), Duration.ofMinutes(3));

    double[] moments = moments(handle);

    assertThat(moments[0]).isCloseTo(300, within(3.0));
    assertThat(moments[1]).isCloseTo(180, within(6.0));
    assertThat(handle.sigma()).isCloseTo(Math.sqrt(Math.log(1 + 0.36)), within(1e-12));
    assertThat(handle.mu()).isCloseTo(Math.log(300e9) - Math.log(1 + 0.36) / 2, within(1e-12));
  }

  @Test
  void exponential_hasEqualMeanAndStddev() {
    double[] moments = moments(new Distribution.Exponential(Duration.ofSeconds(90)));

    assertThat(moments[0]).isCloseTo(90, within(1.0));
    assertThat(moments[1]).isCloseTo(90, within(2.0));
  }

  @Test
  void uniform_staysWithinItsBoundsAndFixedNeverVaries() {
    Distribution uniform = new Distribution.Uniform(Duration.ofSeconds(2), Duration.ofSeconds(6));
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 10_000; i++) {
      assertThat(uniform.sampleNanos(random)).isBetween(2_000_000_000L, 6_000_000_000L);
    }
    assertThat(moments(uniform)[0]).isCloseTo(4, within(0.05));
    assertThat(uniform.maxNanos()).isEqualTo(6_000_000_000L);
    assertThat(new Distribution.Fixed(Duration.ofSeconds(3)).sampleNanos(random))
        .isEqualTo(3_000_000_000L);
  }

  @Test
  void descriptions_areShortAndReadable() {
    assertThat(new Distribution.LogNormal(Duration.ofMinutes(5), Duration.ofSeconds(90)))
        .hasToString("lognormal(mean 5m, stddev 1m30s)");
    assertThat(new Distribution.Uniform(Duration.ofMillis(1500), Duration.ofSeconds(6)))
        .hasToString("uniform(1.5s..6s)");
    assertThat(new Distribution.Exponential(Duration.ofHours(1)))
        .hasToString("exponential(mean 1h)");
  }
}
