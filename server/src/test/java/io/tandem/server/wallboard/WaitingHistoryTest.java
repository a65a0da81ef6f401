package io.tandem.server.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.VirtualTime;
import io.tandem.server.statistics.QueueStatistics;
import io.tandem.server.statistics.TenantStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The waiting history on a clock the test moves: what it keeps, for how long, and for whom. */
class WaitingHistoryTest {

  private static final TenantId SHOP = new TenantId("shop");
  private static final TenantId BANK = new TenantId("bank");
  private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");

  private final VirtualTime clock = new VirtualTime(START);
  private final WaitingHistory history = new WaitingHistory(clock, Duration.ofSeconds(10));

  @Test
  void record_keepsEachQueueAndTheTotal() {
    history.record(SHOP, statistics(2, 1));

    assertThat(history.last(SHOP, WaitingHistory.SPAN))
        .containsExactly(new WaitingSample(START, 3, Map.of("billing", 2, "sales", 1)));
    assertThat(history.last(SHOP, WaitingHistory.SPAN).get(0).queues().keySet())
        .containsExactly("billing", "sales");
  }

  @Test
  void record_forSeventyMinutes_keepsTheLastHourOnly() {
    for (int i = 0; i <= 7 * 60; i++) {
      clock.advanceTo(START.plusSeconds(10L * i));
      history.record(SHOP, statistics(i, 0));
    }

    List<WaitingSample> kept = history.last(SHOP, WaitingHistory.SPAN);

    Instant newest = START.plus(Duration.ofMinutes(70));
    assertThat(history.capacity()).isEqualTo(361);
    assertThat(kept).hasSize(361);
    assertThat(kept.get(0).at()).isEqualTo(newest.minus(WaitingHistory.SPAN));
    assertThat(kept.get(kept.size() - 1).at()).isEqualTo(newest);
    assertThat(kept.get(kept.size() - 1).waiting()).isEqualTo(420);
  }

  @Test
  void last_minutes_returnsOnlyThoseSamplesOldestFirst() {
    for (int i = 0; i < 30; i++) {
      clock.advanceTo(START.plusSeconds(10L * i));
      history.record(SHOP, statistics(i, 0));
    }

    List<WaitingSample> lastMinute = history.last(SHOP, Duration.ofMinutes(1));

    assertThat(lastMinute)
        .extracting(WaitingSample::waiting)
        .containsExactly(23, 24, 25, 26, 27, 28, 29);
  }

  @Test
  void last_ofATenantNeverSampled_isEmpty() {
    history.record(SHOP, statistics(1, 0));

    assertThat(history.last(BANK, WaitingHistory.SPAN)).isEmpty();
  }

  @Test
  void retainOnly_forgetsTenantsThatStoppedRunning() {
    history.record(SHOP, statistics(1, 0));
    history.record(BANK, statistics(1, 0));

    history.retainOnly(Set.of(BANK));

    assertThat(history.last(SHOP, WaitingHistory.SPAN)).isEmpty();
    assertThat(history.last(BANK, WaitingHistory.SPAN)).hasSize(1);
  }

  @Test
  void period_outsideOneSecondToAnHour_isRefused() {
    assertThatThrownBy(() -> new WaitingHistory(clock, Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1s-60m");
    assertThatThrownBy(() -> new WaitingHistory(clock, Duration.ofMinutes(61)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new WaitingHistory(clock, Duration.ofMinutes(60)).capacity()).isEqualTo(2);
  }

  @Test
  void ring_whenFull_dropsTheOldestFirst() {
    WaitingRing ring = new WaitingRing(3);
    for (int i = 1; i <= 5; i++) {
      ring.add(new WaitingSample(START.plusSeconds(i), i, Map.of()));
    }

    assertThat(ring.size()).isEqualTo(3);
    assertThat(ring.since(START)).extracting(WaitingSample::waiting).containsExactly(3, 4, 5);
  }

  private TenantStatistics statistics(int billing, int sales) {
    return new TenantStatistics(
        clock.instant(),
        1,
        "2026-11-21",
        List.of(queue("billing", billing), queue("sales", sales)),
        Map.of(),
        billing + sales,
        billing + sales,
        queue("all", billing + sales));
  }

  private static QueueStatistics queue(String id, int waiting) {
    return new QueueStatistics(id, id, waiting, 0, 0, 0, 0, null, 80, 20, 0, 0);
  }
}
