package io.tandem.core.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a tenant or queue is open: a weekly schedule in local time of {@code zone}, where a date
 * that is a holiday in any of {@code holidaySets} follows that holiday's hours instead.
 *
 * <p>All answers are computed in local time of {@code zone}, so they follow daylight-saving time:
 * an interval 09:00-17:00 opens at 08:00 UTC in a Berlin winter and 07:00 UTC in summer, local
 * times skipped when clocks go forward never occur, and local times repeated when clocks go back
 * occur twice. When a date is a holiday in several sets, the first set in the list decides.
 */
public record BusinessHours(
    String name, ZoneId zone, WeeklySchedule weekly, List<HolidaySet> holidaySets) {

  /** Rejects a blank name and missing parts; keeps an immutable copy of the holiday sets. */
  public BusinessHours {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("business hours need a name");
    }
    Objects.requireNonNull(zone, "zone of business hours '" + name + "'");
    Objects.requireNonNull(weekly, "weekly schedule of business hours '" + name + "'");
    holidaySets = List.copyOf(Objects.requireNonNull(holidaySets, "holidaySets"));
  }

  /** Business hours open around the clock every day, with no holidays. */
  public static BusinessHours alwaysOpen(String name) {
    return new BusinessHours(name, ZoneOffset.UTC, WeeklySchedule.alwaysOpen(), List.of());
  }

  /** Whether business is open at {@code at}, and whether a holiday decided it. */
  public OpeningStatus statusAt(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    Optional<Holiday> holiday = holidayOn(local.toLocalDate());
    if (holiday.isPresent()) {
      return TimeWindow.anyContains(holiday.get().windows(), time)
          ? new OpeningStatus.OpenOnHoliday(holiday.get().name())
          : new OpeningStatus.ClosedForHoliday(holiday.get().name());
    }
    return TimeWindow.anyContains(weekly.windowsOn(local.getDayOfWeek()), time)
        ? new OpeningStatus.Open()
        : new OpeningStatus.Closed();
  }

  /** Whether business is open at {@code at}. */
  public boolean isOpenAt(Instant at) {
    return statusAt(at).isOpen();
  }

  /**
   * The first instant at or after {@code at} when business is open: {@code at} itself when open
   * then; empty when closed throughout the local dates from {@code at}'s through 366 days later.
   */
  public Optional<Instant> nextOpening(Instant at) {
    return StatusChangeSearch.firstInstantWhen(this, at, true);
  }

  /**
   * The first instant at or after {@code at} when business is closed: {@code at} itself when closed
   * then; empty when open throughout the local dates from {@code at}'s through 366 days later.
   */
  public Optional<Instant> nextClosing(Instant at) {
    return StatusChangeSearch.firstInstantWhen(this, at, false);
  }

  /** The holiday on local {@code date} in the first holiday set that has one. */
  Optional<Holiday> holidayOn(LocalDate date) {
    for (HolidaySet set : holidaySets) {
      Optional<Holiday> holiday = set.on(date);
      if (holiday.isPresent()) {
        return holiday;
      }
    }
    return Optional.empty();
  }

  /** The local times open on {@code date}: its holiday's special hours, else the weekly ones. */
  List<TimeWindow> windowsOn(LocalDate date) {
    return holidayOn(date)
        .map(Holiday::windows)
        .orElseGet(() -> weekly.windowsOn(date.getDayOfWeek()));
  }
}
