package io.tandem.core.hours;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalTime NINE = LocalTime.of(9, 0);
  private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

  private static final BusinessHours OFFICE = office();

  /** The instant {@code 2026-06-01T09:00+02:00}, written with its Berlin offset. */
  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @Test
  void weekday_atOpeningTime_isOpen() {
    assertThat(OFFICE.statusAt(at("2026-06-01T09:00+02:00"))).isEqualTo(new OpeningStatus.Open());
  }

  @Test
  void weekday_justBeforeOpening_isClosed() {
    assertThat(OFFICE.statusAt(at("2026-06-01T08:59:59.999999999+02:00")))
        .isEqualTo(new OpeningStatus.Closed());
  }

  @Test
  void weekday_justBeforeClosing_isOpen() {
    assertThat(OFFICE.isOpenAt(at("2026-06-01T16:59:59.999999999+02:00"))).isTrue();
  }

  @Test
  void weekday_atClosingTime_isClosed() {
    assertThat(OFFICE.isOpenAt(at("2026-06-01T17:00+02:00"))).isFalse();
  }

  @Test
  void weekend_duringWeekdayHours_isClosed() {
    assertThat(OFFICE.isOpenAt(at("2026-06-06T12:00+02:00"))).isFalse();
    assertThat(OFFICE.isOpenAt(at("2026-06-07T12:00+02:00"))).isFalse();
  }

  @Test
  void status_isJudgedInTheZone_notInUtc() {
    Instant nineBerlinInWinter = at("2026-01-05T08:00Z");

    assertThat(OFFICE.isOpenAt(nineBerlinInWinter)).isTrue();
    assertThat(OFFICE.isOpenAt(at("2026-01-05T07:59Z"))).isFalse();
    assertThat(OFFICE.isOpenAt(at("2026-07-06T07:00Z"))).isTrue();
  }

  @Test
  void overnightHours_asTwoIntervals_stayOpenAcrossMidnight() {
    BusinessHours lateShift = lateShiftFridayIntoSaturday();

    assertThat(lateShift.isOpenAt(at("2026-06-05T21:59+02:00"))).isFalse();
    assertThat(lateShift.isOpenAt(at("2026-06-05T22:00+02:00"))).isTrue();
    assertThat(lateShift.isOpenAt(at("2026-06-05T23:59:59.999999999+02:00"))).isTrue();
    assertThat(lateShift.isOpenAt(at("2026-06-06T00:00+02:00"))).isTrue();
    assertThat(lateShift.isOpenAt(at("2026-06-06T01:59:59+02:00"))).isTrue();
    assertThat(lateShift.isOpenAt(at("2026-06-06T02:00+02:00"))).isFalse();
  }

  @Test
  void overnightHours_closeOnlyAfterMidnight_notAtIt() {
    BusinessHours lateShift = lateShiftFridayIntoSaturday();

    assertThat(lateShift.nextClosing(at("2026-06-05T22:30+02:00")))
        .contains(at("2026-06-06T02:00+02:00"));
  }

  @Test
  void alwaysOpen_isOpenAtAnyInstantAndNeverCloses() {
    BusinessHours always = BusinessHours.alwaysOpen("24/7");

    assertThat(always.isOpenAt(at("2026-03-29T02:30Z"))).isTrue();
    assertThat(always.isOpenAt(at("2026-12-25T00:00Z"))).isTrue();
    assertThat(always.nextClosing(at("2026-06-01T00:00Z"))).isEmpty();
  }

  @Test
  void holidayClosedAllDay_replacesTheWeeklySchedule() {
    BusinessHours hours = office(germany());

    assertThat(hours.statusAt(at("2026-12-25T10:00+01:00")))
        .isEqualTo(new OpeningStatus.ClosedForHoliday("Christmas Day"));
    assertThat(hours.statusAt(at("2026-12-25T00:00+01:00")).isOpen()).isFalse();
  }

  @Test
  void holidayWithSpecialHours_isOpenOnlyInThoseHours() {
    BusinessHours hours = office(germany());

    assertThat(hours.statusAt(at("2026-12-24T08:59+01:00")))
        .isEqualTo(new OpeningStatus.ClosedForHoliday("Christmas Eve"));
    assertThat(hours.statusAt(at("2026-12-24T09:00+01:00")))
        .isEqualTo(new OpeningStatus.OpenOnHoliday("Christmas Eve"));
    assertThat(hours.statusAt(at("2026-12-24T11:59+01:00")).isOpen()).isTrue();
    assertThat(hours.statusAt(at("2026-12-24T12:00+01:00")))
        .isEqualTo(new OpeningStatus.ClosedForHoliday("Christmas Eve"));
  }

  @Test
  void holidayWithSpecialHours_opensADayTheWeekIsClosed() {
    HolidaySet sales =
        new HolidaySet(
            "sales",
            List.of(
                Holiday.openOnly(
                    LocalDate.of(2026, 11, 29), "Advent Sunday", LocalTime.of(13, 0), FIVE_PM)));

    BusinessHours hours = office(sales);

    assertThat(hours.statusAt(at("2026-11-29T14:00+01:00")))
        .isEqualTo(new OpeningStatus.OpenOnHoliday("Advent Sunday"));
  }

  @Test
  void dayAfterAHoliday_followsTheWeeklyScheduleAgain() {
    BusinessHours hours = office(germany());

    assertThat(hours.statusAt(at("2026-12-28T10:00+01:00"))).isEqualTo(new OpeningStatus.Open());
  }

  @Test
  void dateInTwoHolidaySets_followsTheFirstSetListed() {
    HolidaySet company =
        new HolidaySet(
            "company",
            List.of(Holiday.openOnly(LocalDate.of(2026, 12, 24), "Support Day", NINE, FIVE_PM)));

    BusinessHours companyFirst = office(company, germany());
    BusinessHours germanyFirst = office(germany(), company);

    Instant afternoon = at("2026-12-24T14:00+01:00");
    assertThat(companyFirst.statusAt(afternoon))
        .isEqualTo(new OpeningStatus.OpenOnHoliday("Support Day"));
    assertThat(germanyFirst.statusAt(afternoon))
        .isEqualTo(new OpeningStatus.ClosedForHoliday("Christmas Eve"));
  }

  /** Weekdays 09:00-17:00 in Berlin, with these holidays. */
  static BusinessHours office(HolidaySet... holidaySets) {
    return new BusinessHours(
        "office", BERLIN, WeeklySchedule.weekdays(NINE, FIVE_PM), List.of(holidaySets));
  }

  /** German holidays around Christmas 2026, Christmas Eve open 09:00-12:00. */
  static HolidaySet germany() {
    return new HolidaySet(
        "Germany",
        List.of(
            Holiday.openOnly(LocalDate.of(2026, 12, 24), "Christmas Eve", NINE, LocalTime.NOON),
            Holiday.closed(LocalDate.of(2026, 12, 25), "Christmas Day"),
            Holiday.closed(LocalDate.of(2026, 12, 26), "Boxing Day"),
            Holiday.closed(LocalDate.of(2027, 1, 1), "New Year's Day")));
  }

  /** Open Friday 22:00 to Saturday 02:00, written as two intervals. */
  static BusinessHours lateShiftFridayIntoSaturday() {
    return new BusinessHours(
        "late shift",
        BERLIN,
        new WeeklySchedule(
            List.of(
                new OpeningInterval(FRIDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT),
                new OpeningInterval(SATURDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 0)))),
        List.of());
  }
}
