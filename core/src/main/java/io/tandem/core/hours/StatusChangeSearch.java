package io.tandem.core.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the first instant at which {@link BusinessHours} are open (or closed), walking local dates
 * forward and testing only the instants where the status can change.
 *
 * <p>The status is a function of local date and time, so it can change only where local time
 * reaches the start of a date or a window's opening or closing time, or where the zone's offset
 * changes and local time jumps. A local time skipped by a daylight-saving gap is reached at the
 * transition; one repeated by an overlap is reached twice, once per offset.
 */
final class StatusChangeSearch {

  /** How many local dates after the starting one the search looks at. */
  static final int HORIZON_DAYS = 366;

  private StatusChangeSearch() {}

  /** The first instant at or after {@code at} when {@code hours} are open, if {@code open}. */
  static Optional<Instant> firstInstantWhen(BusinessHours hours, Instant at, boolean open) {
    if (hours.isOpenAt(at) == open) {
      return Optional.of(at);
    }
    ZoneRules rules = hours.zone().getRules();
    LocalDate start = at.atZone(hours.zone()).toLocalDate();
    for (int day = 0; day <= HORIZON_DAYS; day++) {
      for (Instant candidate : candidatesOn(hours, start.plusDays(day), rules)) {
        if (candidate.isAfter(at) && hours.isOpenAt(candidate) == open) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** The instants on local {@code date} where the status of {@code hours} may change, in order. */
  private static NavigableSet<Instant> candidatesOn(
      BusinessHours hours, LocalDate date, ZoneRules rules) {
    NavigableSet<Instant> candidates = new TreeSet<>();
    addInstantsOf(date.atStartOfDay(), rules, candidates);
    for (TimeWindow window : hours.windowsOn(date)) {
      addInstantsOf(date.atTime(window.opens()), rules, candidates);
      if (!window.closes().equals(LocalTime.MIDNIGHT)) {
        addInstantsOf(date.atTime(window.closes()), rules, candidates);
      }
    }
    Instant dayStart = date.atStartOfDay(hours.zone()).toInstant();
    Instant nextDayStart = date.plusDays(1).atStartOfDay(hours.zone()).toInstant();
    ZoneOffsetTransition transition = rules.nextTransition(dayStart.minusNanos(1));
    while (transition != null && transition.getInstant().isBefore(nextDayStart)) {
      candidates.add(transition.getInstant());
      transition = rules.nextTransition(transition.getInstant());
    }
    return candidates;
  }

  /** Adds each instant showing {@code local}, or the gap's end if clocks skip {@code local}. */
  private static void addInstantsOf(
      LocalDateTime local, ZoneRules rules, NavigableSet<Instant> candidates) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      candidates.add(rules.getTransition(local).getInstant());
    }
    for (ZoneOffset offset : offsets) {
      candidates.add(local.toInstant(offset));
    }
  }
}
