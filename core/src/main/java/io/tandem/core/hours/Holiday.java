package io.tandem.core.hours;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A named date whose hours replace the weekly schedule: closed all day when {@code openHours} is
 * empty, otherwise open only during those spans (Christmas Eve 09:00-12:00, say).
 *
 * @param openHours non-overlapping spans, kept sorted by opening time
 */
public record Holiday(LocalDate date, String name, List<SpecialHours> openHours) {

  /** Rejects a blank name and overlapping spans; keeps a sorted immutable copy of the spans. */
  public Holiday {
    Objects.requireNonNull(date, "date");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("holiday on " + date + " needs a name");
    }
    List<SpecialHours> sorted = new ArrayList<>(Objects.requireNonNull(openHours, "openHours"));
    sorted.forEach(hours -> Objects.requireNonNull(hours, "openHours element"));
    sorted.sort(Comparator.comparing(SpecialHours::opens));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).window().overlaps(sorted.get(i).window())) {
        throw new IllegalArgumentException(
            "special hours "
                + sorted.get(i - 1)
                + " and "
                + sorted.get(i)
                + " of holiday '"
                + name
                + "' on "
                + date
                + " overlap");
      }
    }
    openHours = List.copyOf(sorted);
  }

  /** A holiday on which business is closed all day. */
  public static Holiday closed(LocalDate date, String name) {
    return new Holiday(date, name, List.of());
  }

  /** A holiday on which business is open only from {@code opens} to {@code closes}. */
  public static Holiday openOnly(LocalDate date, String name, LocalTime opens, LocalTime closes) {
    return new Holiday(date, name, List.of(new SpecialHours(opens, closes)));
  }

  /** Whether business is closed for the whole of this holiday. */
  public boolean isClosedAllDay() {
    return openHours.isEmpty();
  }

  /** The local times open on this holiday, in order. */
  List<TimeWindow> windows() {
    return openHours.stream().map(SpecialHours::window).toList();
  }
}
