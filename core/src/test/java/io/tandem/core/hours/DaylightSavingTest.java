package io.tandem.core.hours;

import static io.tandem.core.hours.BusinessHoursTest.at;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Business hours in Europe/Berlin across the 2026 transitions: clocks go forward from 02:00 CET to
 * 03:00 CEST on Sunday 29 March (01:00 UTC), and back from 03:00 CEST to 02:00 CET on Sunday 25
 * October (01:00 UTC).
 */
class DaylightSavingTest {

  private static BusinessHours sundays(
      int opensHour, int opensMinute, int closesHour, int closesMinute) {
    return new BusinessHours(
        "sunday",
        ZoneId.of("Europe/Berlin"),
        new WeeklySchedule(
            List.of(
                new OpeningInterval(
                    SUNDAY,
                    LocalTime.of(opensHour, opensMinute),
                    LocalTime.of(closesHour, closesMinute)))),
        List.of());
  }

  @Test
  void springForward_intervalSpanningTheGap_isOpenTwoRealHoursNotThree() {
    BusinessHours hours = sundays(1, 0, 4, 0);

    Instant opens = hours.nextOpening(at("2026-03-29T00:00+01:00")).orElseThrow();
    Instant closes = hours.nextClosing(opens).orElseThrow();

    assertThat(opens).isEqualTo(at("2026-03-29T01:00+01:00"));
    assertThat(closes).isEqualTo(at("2026-03-29T04:00+02:00"));
    assertThat(Duration.between(opens, closes)).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void springForward_statusEitherSideOfTheJump_followsLocalTime() {
    BusinessHours hours = sundays(3, 0, 4, 0);

    assertThat(hours.isOpenAt(at("2026-03-29T00:59:59Z"))).isFalse();
    assertThat(hours.isOpenAt(at("2026-03-29T01:00:00Z"))).isTrue();
  }

  @Test
  void springForward_openingTimeInsideTheGap_opensWhenClocksJumpPastIt() {
    BusinessHours hours = sundays(2, 30, 5, 0);

    assertThat(hours.nextOpening(at("2026-03-29T00:00+01:00")))
        .contains(at("2026-03-29T03:00+02:00"));
  }

  @Test
  void springForward_intervalWhollyInsideTheGap_neverHappensThatDay() {
    BusinessHours hours = sundays(2, 0, 2, 30);

    assertThat(hours.nextOpening(at("2026-03-29T00:00+01:00")))
        .contains(at("2026-04-05T02:00+02:00"));
  }

  @Test
  void fallBack_intervalSpanningTheRepeatedHour_isOpenFourRealHoursNotThree() {
    BusinessHours hours = sundays(1, 0, 4, 0);

    Instant opens = hours.nextOpening(at("2026-10-25T00:00+02:00")).orElseThrow();
    Instant closes = hours.nextClosing(opens).orElseThrow();

    assertThat(opens).isEqualTo(at("2026-10-25T01:00+02:00"));
    assertThat(closes).isEqualTo(at("2026-10-25T04:00+01:00"));
    assertThat(Duration.between(opens, closes)).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void fallBack_intervalInsideTheRepeatedHour_opensTwice() {
    BusinessHours hours = sundays(2, 0, 2, 30);

    Instant firstOpening = hours.nextOpening(at("2026-10-25T01:00+02:00")).orElseThrow();
    Instant firstClosing = hours.nextClosing(firstOpening).orElseThrow();
    Instant secondOpening = hours.nextOpening(firstClosing).orElseThrow();
    Instant secondClosing = hours.nextClosing(secondOpening).orElseThrow();

    assertThat(List.of(firstOpening, firstClosing, secondOpening, secondClosing))
        .containsExactly(
            at("2026-10-25T02:00+02:00"),
            at("2026-10-25T02:30+02:00"),
            at("2026-10-25T02:00+01:00"),
            at("2026-10-25T02:30+01:00"));
  }

  @Test
  void fallBack_intervalOpeningMidRepeatedHour_closesWhenClocksGoBackAndReopens() {
    BusinessHours hours = sundays(2, 30, 4, 0);

    Instant opens = hours.nextOpening(at("2026-10-25T00:00+02:00")).orElseThrow();
    Instant closesAtTheJump = hours.nextClosing(opens).orElseThrow();
    Instant reopens = hours.nextOpening(closesAtTheJump).orElseThrow();

    assertThat(opens).isEqualTo(at("2026-10-25T02:30+02:00"));
    assertThat(closesAtTheJump).isEqualTo(at("2026-10-25T01:00Z"));
    assertThat(reopens).isEqualTo(at("2026-10-25T02:30+01:00"));
  }

  @Test
  void weekdayHours_keepTheirLocalTimeAcrossTheChange() {
    BusinessHours office = BusinessHoursTest.office();

    assertThat(office.nextOpening(at("2026-03-27T18:00+01:00")))
        .contains(at("2026-03-30T09:00+02:00"));
    assertThat(office.nextOpening(at("2026-10-23T18:00+02:00")))
        .contains(at("2026-10-26T09:00+01:00"));
  }
}
