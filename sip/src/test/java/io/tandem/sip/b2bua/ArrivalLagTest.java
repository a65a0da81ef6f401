package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArrivalLagTest {

  private final VirtualTime clock = new VirtualTime(Instant.parse("2026-11-22T03:00:00Z"));
  private int callers = ArrivalLag.BUSY;
  private final ArrivalLag lag = new ArrivalLag(clock, () -> callers);

  private void pass(Duration time) {
    clock.advance(time);
  }

  @Test
  void quickArrivals_neverBehind() {
    for (int i = 0; i < 100; i++) {
      long asked = lag.asked();
      pass(Duration.ofMillis(5));
      lag.arrived(asked);
    }

    assertThat(lag.behind()).isFalse();
  }

  @Test
  void aSlowArrivalOfANearlyIdleNode_refusesNoOne() {
    callers = ArrivalLag.BUSY - 1; // a cold start loading classes, not an overload
    long asked = lag.asked();
    pass(ArrivalLag.LIMIT.multipliedBy(3));
    lag.arrived(asked);

    assertThat(lag.behind()).isFalse();
  }

  @Test
  void anArrivalAtTheLimit_isStillInTime() {
    long asked = lag.asked();
    pass(ArrivalLag.LIMIT);
    lag.arrived(asked);

    assertThat(lag.behind()).isFalse();
  }

  @Test
  void aSlowArrival_refusesCallersForTheHold_thenTakesThemAgain() {
    long asked = lag.asked();
    pass(ArrivalLag.LIMIT.plusMillis(1));
    lag.arrived(asked);

    assertThat(lag.behind()).isTrue();
    pass(ArrivalLag.HOLD.minusMillis(1));
    assertThat(lag.behind()).isTrue();
    pass(Duration.ofMillis(1));
    assertThat(lag.behind()).isFalse();
  }

  @Test
  void anotherSlowArrivalDuringTheHold_startsItAgain() {
    long first = lag.asked();
    pass(Duration.ofMillis(300));
    long second = lag.asked();
    pass(ArrivalLag.LIMIT.plusMillis(1));
    lag.arrived(first);
    pass(Duration.ofMillis(300));
    lag.arrived(second);

    pass(ArrivalLag.HOLD.minusMillis(100));
    assertThat(lag.behind()).isTrue();
    pass(Duration.ofMillis(100));
    assertThat(lag.behind()).isFalse();
  }
}
