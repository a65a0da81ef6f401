package io.tandem.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitsTest {

  @Test
  void until_conditionHoldingAfterSomePolls_isTrue() throws Exception {
    AtomicInteger polls = new AtomicInteger();

    boolean held =
        Waits.until(
            () -> polls.incrementAndGet() >= 3, Duration.ofSeconds(5), Duration.ofMillis(5));

    assertThat(held).isTrue();
    assertThat(polls).hasValueGreaterThanOrEqualTo(3);
  }

  @Test
  void until_conditionNeverHolding_isFalseOnceTheTimeIsUp() throws Exception {
    long start = System.nanoTime();

    boolean held = Waits.until(() -> false, Duration.ofMillis(200), Duration.ofMillis(10));

    assertThat(held).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void until_conditionThrowing_failsWithItsCause() {
    assertThatThrownBy(
            () ->
                Waits.until(
                    () -> {
                      throw new IllegalArgumentException("broken");
                    },
                    Duration.ofSeconds(5),
                    Duration.ofMillis(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void await_conditionHolding_returns() throws Exception {
    AtomicInteger polls = new AtomicInteger();

    Waits.await(() -> polls.incrementAndGet() > 1, "two polls");

    assertThat(polls).hasValueGreaterThan(1);
  }
}
