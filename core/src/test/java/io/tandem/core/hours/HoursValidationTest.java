package io.tandem.core.hours;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoursValidationTest {

  private static final LocalTime NINE = LocalTime.of(9, 0);
  private static final LocalTime NOON = LocalTime.NOON;
  private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

  @Test
  void openingInterval_empty_isRejected() {
    assertThatThrownBy(() -> new OpeningInterval(MONDAY, NINE, NINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("opening interval on MONDAY 09:00-09:00 is empty: it opens as it closes");
  }

  @Test
  void openingInterval_closingBeforeOpening_isRejectedSuggestingTwoIntervals() {
    assertThatThrownBy(() -> new OpeningInterval(MONDAY, LocalTime.of(22, 0), LocalTime.of(2, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("opening interval on MONDAY 22:00-02:00 closes before it opens")
        .hasMessageContaining("two intervals");
  }

  @Test
  void openingInterval_missingField_isRejected() {
    assertThatThrownBy(() -> new OpeningInterval(null, NINE, NOON))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("day");
    assertThatThrownBy(() -> new OpeningInterval(MONDAY, NINE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("closes");
  }

  @Test
  void openingInterval_closingAtMidnight_runsToTheEndOfTheDay() {
    assertThat(new OpeningInterval(MONDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT))
        .hasToString("MONDAY 22:00-24:00");
    assertThat(new OpeningInterval(MONDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
        .hasToString("MONDAY 00:00-24:00");
  }

  @Test
  void specialHours_emptyOrNegative_isRejected() {
    assertThatThrownBy(() -> new SpecialHours(NOON, NOON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("special hours 12:00-12:00 is empty: it opens as it closes");
    assertThatThrownBy(() -> new SpecialHours(NOON, NINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("special hours 12:00-09:00 closes before it opens");
  }

  @Test
  void weeklySchedule_overlappingIntervalsOnOneDay_areRejectedNamingBoth() {
    List<OpeningInterval> overlapping =
        List.of(
            new OpeningInterval(MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0)),
            new OpeningInterval(TUESDAY, NINE, NOON),
            new OpeningInterval(MONDAY, NINE, NOON));

    assertThatThrownBy(() -> new WeeklySchedule(overlapping))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("opening intervals MONDAY 09:00-12:00 and MONDAY 11:00-13:00 overlap");
  }

  @Test
  void weeklySchedule_intervalInsideAnother_isRejected() {
    List<OpeningInterval> nested =
        List.of(
            new OpeningInterval(MONDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
            new OpeningInterval(MONDAY, NINE, NOON));

    assertThatThrownBy(() -> new WeeklySchedule(nested))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("opening intervals MONDAY 00:00-24:00 and MONDAY 09:00-12:00 overlap");
  }

  @Test
  void weeklySchedule_touchingIntervalsAndSameHoursOnOtherDays_areAccepted() {
    WeeklySchedule schedule =
        new WeeklySchedule(
            List.of(
                new OpeningInterval(MONDAY, NOON, LocalTime.of(17, 0)),
                new OpeningInterval(TUESDAY, NINE, NOON),
                new OpeningInterval(MONDAY, NINE, NOON)));

    assertThat(schedule.intervals())
        .extracting(OpeningInterval::toString)
        .containsExactly("MONDAY 09:00-12:00", "MONDAY 12:00-17:00", "TUESDAY 09:00-12:00");
  }

  @Test
  void weeklySchedule_copiesItsList() {
    List<OpeningInterval> intervals =
        new ArrayList<>(List.of(new OpeningInterval(MONDAY, NINE, NOON)));
    WeeklySchedule schedule = new WeeklySchedule(intervals);

    intervals.clear();

    assertThat(schedule.intervals()).hasSize(1);
  }

  @Test
  void weekdays_isOpenMondayToFridayOnly() {
    assertThat(WeeklySchedule.weekdays(NINE, NOON).intervals())
        .extracting(OpeningInterval::day)
        .containsExactly(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
  }

  @Test
  void holiday_blankName_isRejected() {
    assertThatThrownBy(() -> Holiday.closed(CHRISTMAS, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("holiday on 2026-12-25 needs a name");
  }

  @Test
  void holiday_overlappingSpecialHours_areRejectedNamingBoth() {
    List<SpecialHours> overlapping =
        List.of(
            new SpecialHours(LocalTime.of(11, 0), LocalTime.of(14, 0)),
            new SpecialHours(NINE, NOON));

    assertThatThrownBy(() -> new Holiday(CHRISTMAS, "Christmas Day", overlapping))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "special hours 09:00-12:00 and 11:00-14:00 of holiday 'Christmas Day' on 2026-12-25"
                + " overlap");
  }

  @Test
  void holiday_withoutOpenHours_isClosedAllDay() {
    assertThat(Holiday.closed(CHRISTMAS, "Christmas Day").isClosedAllDay()).isTrue();
    assertThat(Holiday.openOnly(CHRISTMAS, "Christmas Day", NINE, NOON).isClosedAllDay()).isFalse();
  }

  @Test
  void holidaySet_twoHolidaysOnOneDate_areRejectedNamingBoth() {
    List<Holiday> clash =
        List.of(Holiday.closed(CHRISTMAS, "Christmas Day"), Holiday.closed(CHRISTMAS, "Xmas"));

    assertThatThrownBy(() -> new HolidaySet("Germany", clash))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "holiday set 'Germany' has two holidays on 2026-12-25: 'Christmas Day' and 'Xmas'");
  }

  @Test
  void holidaySet_blankName_isRejected() {
    assertThatThrownBy(() -> new HolidaySet("", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("holiday set needs a name");
  }

  @Test
  void holidaySet_findsTheHolidayOnADate() {
    HolidaySet germany = BusinessHoursTest.germany();

    assertThat(germany.on(CHRISTMAS)).map(Holiday::name).contains("Christmas Day");
    assertThat(germany.on(CHRISTMAS.plusDays(3))).isEmpty();
  }

  @Test
  void businessHours_blankName_isRejected() {
    assertThatThrownBy(() -> BusinessHours.alwaysOpen(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("business hours need a name");
  }

  @Test
  void businessHours_missingZoneOrSchedule_isRejectedNamingTheHours() {
    WeeklySchedule weekly = WeeklySchedule.alwaysOpen();

    assertThatThrownBy(() -> new BusinessHours("support", null, weekly, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("zone of business hours 'support'");
    assertThatThrownBy(
            () -> new BusinessHours("support", ZoneId.of("Europe/Berlin"), null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("weekly schedule of business hours 'support'");
  }
}
