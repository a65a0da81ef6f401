package io.tandem.core.hours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named list of holidays that business hours can share, such as the public holidays of one
 * country or region; at most one holiday per date.
 *
 * @param holidays kept sorted by date
 */
public record HolidaySet(String name, List<Holiday> holidays) {

  /** Rejects a blank name and two holidays on one date, naming both; keeps a sorted copy. */
  public HolidaySet {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("holiday set needs a name");
    }
    List<Holiday> sorted = new ArrayList<>(Objects.requireNonNull(holidays, "holidays"));
    sorted.forEach(holiday -> Objects.requireNonNull(holiday, "holiday"));
    sorted.sort(Comparator.comparing(Holiday::date));
    for (int i = 1; i < sorted.size(); i++) {
      Holiday previous = sorted.get(i - 1);
      Holiday holiday = sorted.get(i);
      if (previous.date().equals(holiday.date())) {
        throw new IllegalArgumentException(
            "holiday set '"
                + name
                + "' has two holidays on "
                + holiday.date()
                + ": '"
                + previous.name()
                + "' and '"
                + holiday.name()
                + "'");
      }
    }
    holidays = List.copyOf(sorted);
  }

  /** The holiday on {@code date}, if this set has one. */
  public Optional<Holiday> on(LocalDate date) {
    for (Holiday holiday : holidays) {
      if (holiday.date().equals(date)) {
        return Optional.of(holiday);
      }
    }
    return Optional.empty();
  }
}
