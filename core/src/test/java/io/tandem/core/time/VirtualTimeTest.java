package io.tandem.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {

  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private final VirtualTime time = new VirtualTime(START);

  @Test
  void timers_runInTimeOrder_andTiesInSchedulingOrder() {
    List<String> ran = new ArrayList<>();
    time.scheduleAfter(Duration.ofSeconds(2), () -> ran.add("b"));
    time.scheduleAfter(Duration.ofSeconds(1), () -> ran.add("a"));
    time.scheduleAfter(Duration.ofSeconds(2), () -> ran.add("c"));

    time.advance(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("a", "b", "c");
    assertThat(time.instant()).isEqualTo(START.plusSeconds(5));
  }

  @Test
  void clockReadsTheDueTime_insideATimer() {
    List<Instant> seen = new ArrayList<>();
    time.scheduleAfter(Duration.ofMillis(1500), () -> seen.add(time.instant()));

    time.runNext();

    assertThat(seen).containsExactly(START.plusMillis(1500));
  }

  @Test
  void cancelledTimer_neverRuns() {
    List<String> ran = new ArrayList<>();
    Timer timer = time.scheduleAfter(Duration.ofSeconds(1), () -> ran.add("x"));
    timer.cancel();

    assertThat(time.runNext()).isFalse();
    assertThat(ran).isEmpty();
  }

  @Test
  void timerInThePast_runsAtTheCurrentTime() {
    time.advance(Duration.ofMinutes(1));
    List<Instant> seen = new ArrayList<>();
    time.schedule(START, () -> seen.add(time.instant()));

    time.runNext();

    assertThat(seen).containsExactly(START.plusSeconds(60));
  }

  @Test
  void advanceTo_stopsBeforeLaterTimers() {
    List<String> ran = new ArrayList<>();
    time.scheduleAfter(Duration.ofSeconds(10), () -> ran.add("late"));

    time.advance(Duration.ofSeconds(9));

    assertThat(ran).isEmpty();
    assertThat(time.pendingTimers()).isEqualTo(1);
  }

  @Test
  void advance_overACancelledTimer_stopsAtTheWindowsEnd() {
    List<String> ran = new ArrayList<>();
    time.scheduleAfter(Duration.ofSeconds(8), () -> ran.add("cancelled")).cancel();
    time.scheduleAfter(Duration.ofSeconds(90), () -> ran.add("late"));

    time.advance(Duration.ofSeconds(10));

    assertThat(ran).isEmpty();
    assertThat(time.instant()).isEqualTo(START.plusSeconds(10));
  }
}
