package io.tandem.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalProcessTest {

  private static final long HOUR = Duration.ofHours(1).toNanos();

  private static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  /** Counts arrivals per hour over {@code hours} hours. */
  private static long[] perHour(ArrivalProcess process, int hours) {
    long[] counts = new long[hours];
    SplittableRandom random = new SplittableRandom(17);
    long previous = -1;
    for (long at = process.next(random); at < hours * HOUR; at = process.next(random)) {
      assertThat(at).isGreaterThanOrEqualTo(previous);
      previous = at;
      counts[(int) (at / HOUR)]++;
    }
    return counts;
  }

  @Test
  void piecewiseRates_produceTheirMeanCountsAndNothingWhileZero() {
    ArrivalProcess process =
        new ArrivalProcess(
            List.of(
                new ArrivalStep(h(1), 3600),
                new ArrivalStep(h(2), 0),
                new ArrivalStep(h(3), 36_000)),
            null);

    long[] counts = perHour(process, 5);

    assertThat(counts[0]).as("before the first step").isZero();
    assertThat((double) counts[1]).isCloseTo(3600, within(3600 * 0.05));
    assertThat(counts[2]).isZero();
    assertThat((double) counts[3]).isCloseTo(36_000, within(36_000 * 0.03));
    assertThat((double) counts[4]).isCloseTo(36_000, within(36_000 * 0.03));
  }

  @Test
  void repeatingProfile_startsOverEveryCycle() {
    ArrivalProcess process =
        new ArrivalProcess(
            List.of(new ArrivalStep(Duration.ZERO, 10_000), new ArrivalStep(h(1), 0)), h(2));

    long[] counts = perHour(process, 6);

    for (int hour = 0; hour < 6; hour += 2) {
      assertThat((double) counts[hour]).isCloseTo(10_000, within(500.0));
      assertThat(counts[hour + 1]).isZero();
    }
  }

  @Test
  void noPositiveRate_meansNeverEvenWithACycle() {
    SplittableRandom random = new SplittableRandom(1);

    assertThat(new ArrivalProcess(List.of(), null).next(random)).isEqualTo(ArrivalProcess.NEVER);
    assertThat(new ArrivalProcess(List.of(new ArrivalStep(h(1), 0)), h(24)).next(random))
        .isEqualTo(ArrivalProcess.NEVER);
  }

  @Test
  void rateThatEnds_runsOutAfterTheLastPositiveStep() {
    ArrivalProcess process =
        new ArrivalProcess(
            List.of(new ArrivalStep(Duration.ZERO, 100), new ArrivalStep(h(1), 0)), null);
    SplittableRandom random = new SplittableRandom(3);
    long last = 0;
    long at;
    while ((at = process.next(random)) != ArrivalProcess.NEVER) {
      last = at;
    }

    assertThat(last).isLessThan(HOUR);
    assertThat(process.next(random)).isEqualTo(ArrivalProcess.NEVER);
  }
}
