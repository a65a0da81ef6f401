package io.tandem.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void summary_ofNoSamples_saysSo() {
    assertThat(new Samples().summary()).isEqualTo("n=0");
  }

  @Test
  void summary_usesNearestRankPercentiles() {
    Samples samples = new Samples();
    for (int ms = 100; ms >= 1; ms--) {
      samples.add(Duration.ofMillis(ms));
    }

    assertThat(samples.count()).isEqualTo(100);
    assertThat(samples.summary()).isEqualTo("n=100 p50 50.0 ms, p99 99.0 ms, max 100.0 ms");
  }

  @Test
  void summarySince_leavesOutTheFirstSamples_andGrowsPastItsFirstArray() {
    Samples samples = new Samples();
    for (int i = 0; i < 2000; i++) {
      samples.add(Duration.ofMillis(1000));
    }
    samples.add(Duration.ofMillis(2));
    samples.add(Duration.ofMillis(4));

    assertThat(samples.summarySince(2000)).isEqualTo("n=2 p50 2.0 ms, p99 4.0 ms, max 4.0 ms");
    assertThat(samples.summarySince(2002)).isEqualTo("n=0");
  }
}
