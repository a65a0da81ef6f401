package io.tandem.core.hours;

import static io.tandem.core.hours.BusinessHoursTest.at;
import static io.tandem.core.hours.BusinessHoursTest.germany;
import static io.tandem.core.hours.BusinessHoursTest.office;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextOpeningAndClosingTest {

  @Test
  void nextOpening_whenAlreadyOpen_isThatInstant() {
    assertThat(office().nextOpening(at("2026-06-01T10:00+02:00")))
        .contains(at("2026-06-01T10:00+02:00"));
  }

  @Test
  void nextOpening_earlyOnAWeekday_isNineThatMorning() {
    assertThat(office().nextOpening(at("2026-06-01T06:30+02:00")))
        .contains(at("2026-06-01T09:00+02:00"));
  }

  @Test
  void nextOpening_atFridayClosing_isMondayMorningAfterTheWeekend() {
    assertThat(office().nextOpening(at("2026-06-05T17:00+02:00")))
        .contains(at("2026-06-08T09:00+02:00"));
  }

  @Test
  void nextOpening_beforeChristmas_skipsHolidaysAndWeekendToMonday() {
    assertThat(office(germany()).nextOpening(at("2026-12-24T12:00+01:00")))
        .contains(at("2026-12-28T09:00+01:00"));
  }

  @Test
  void nextOpening_onAHolidayWithSpecialHours_isItsSpecialOpening() {
    assertThat(office(germany()).nextOpening(at("2026-12-24T07:00+01:00")))
        .contains(at("2026-12-24T09:00+01:00"));
  }

  @Test
  void nextOpening_overNewYear_skipsTheHolidayAndWeekend() {
    assertThat(office(germany()).nextOpening(at("2026-12-31T17:00+01:00")))
        .contains(at("2027-01-04T09:00+01:00"));
  }

  @Test
  void nextOpening_whenNeverOpen_isEmpty() {
    BusinessHours never =
        new BusinessHours(
            "never", ZoneId.of("Europe/Berlin"), new WeeklySchedule(List.of()), List.of());

    assertThat(never.nextOpening(at("2026-06-01T00:00Z"))).isEmpty();
  }

  @Test
  void nextOpening_beyondTheSearchHorizon_isEmpty() {
    List<Holiday> closedForAYear = new ArrayList<>();
    for (LocalDate date = LocalDate.of(2026, 1, 1);
        date.isBefore(LocalDate.of(2027, 1, 3));
        date = date.plusDays(1)) {
      closedForAYear.add(Holiday.closed(date, "renovation"));
    }
    BusinessHours hours = office(new HolidaySet("renovation", closedForAYear));

    assertThat(hours.nextOpening(at("2026-01-01T00:00+01:00"))).isEmpty();
    assertThat(hours.nextOpening(at("2026-01-04T00:00+01:00")))
        .contains(at("2027-01-04T09:00+01:00"));
  }

  @Test
  void nextClosing_whenAlreadyClosed_isThatInstant() {
    assertThat(office().nextClosing(at("2026-06-06T10:00+02:00")))
        .contains(at("2026-06-06T10:00+02:00"));
  }

  @Test
  void nextClosing_duringTheDay_isFivePm() {
    assertThat(office().nextClosing(at("2026-06-01T09:00+02:00")))
        .contains(at("2026-06-01T17:00+02:00"));
  }

  @Test
  void nextClosing_onAHolidayWithSpecialHours_isTheirEnd() {
    assertThat(office(germany()).nextClosing(at("2026-12-24T10:00+01:00")))
        .contains(at("2026-12-24T12:00+01:00"));
  }

  @Test
  void nextClosing_ofTouchingIntervals_isTheEndOfTheLast() {
    BusinessHours splitDay =
        new BusinessHours(
            "split",
            ZoneId.of("Europe/Berlin"),
            new WeeklySchedule(
                List.of(
                    new OpeningInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.NOON),
                    new OpeningInterval(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.of(17, 0)))),
            List.of());

    assertThat(splitDay.nextClosing(at("2026-06-01T10:00+02:00")))
        .contains(at("2026-06-01T17:00+02:00"));
  }

  @Test
  void nextClosing_ofAlwaysOpenUntilAHoliday_isTheHolidaysMidnight() {
    BusinessHours hours =
        new BusinessHours(
            "hotline", ZoneId.of("Europe/Berlin"), WeeklySchedule.alwaysOpen(), List.of(germany()));

    assertThat(hours.nextClosing(at("2026-12-20T10:00+01:00")))
        .contains(at("2026-12-24T00:00+01:00"));
  }
}
