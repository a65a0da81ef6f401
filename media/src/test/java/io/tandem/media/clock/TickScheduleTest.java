package io.tandem.media.clock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickScheduleTest {

  private static final long MS = 1_000_000;
  private final TickSchedule schedule = new TickSchedule(1000 * MS, 20 * MS);

  @Test
  void onTime_waitsAWholePeriod() {
    assertThat(schedule.after(1, 1020 * MS)).isEqualTo(new TickSchedule.Next(2, 20 * MS));
  }

  @Test
  void aLateTick_shortensTheWaitForTheNext_soTheAverageRateHolds() {
    assertThat(schedule.after(1, 1027 * MS)).isEqualTo(new TickSchedule.Next(2, 13 * MS));
  }

  @Test
  void aFewPeriodsBehind_catchesUpBackToBack() {
    assertThat(schedule.after(1, 1085 * MS)).isEqualTo(new TickSchedule.Next(2, 0));
    assertThat(schedule.after(4, 1086 * MS)).isEqualTo(new TickSchedule.Next(5, 14 * MS));
  }

  @Test
  void farBehind_skipsTheMissedTicks() {
    assertThat(schedule.after(1, 1505 * MS)).isEqualTo(new TickSchedule.Next(26, 15 * MS));
  }
}
