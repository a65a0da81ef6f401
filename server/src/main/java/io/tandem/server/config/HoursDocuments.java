package io.tandem.server.config;

import io.tandem.core.hours.BusinessHours;
import io.tandem.core.hours.Holiday;
import io.tandem.core.hours.HolidaySet;
import io.tandem.core.hours.OpeningInterval;
import io.tandem.core.hours.SpecialHours;
import io.tandem.core.hours.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Maps {@link BusinessHoursDocument}s to {@link BusinessHours} and back. */
final class HoursDocuments {

  private HoursDocuments() {}

  /** The business hours {@code doc} at {@code path} describes, or null when it has problems. */
  static @Nullable BusinessHours hours(BusinessHoursDocument doc, String path, Problems problems) {
    int before = problems.count();
    if (doc.name() == null || doc.name().isBlank()) {
      problems.add(Problems.at(path, "name"), "is required");
    }
    ZoneId zone = null;
    if (doc.zone() == null) {
      problems.add(Problems.at(path, "zone"), "is required, e.g. Europe/Berlin");
    } else {
      zone = problems.attempt(Problems.at(path, "zone"), () -> ZoneId.of(doc.zone()));
    }
    List<OpeningInterval> intervals = new ArrayList<>();
    List<BusinessHoursDocument.Interval> weekly = ConfigurationDocument.orEmpty(doc.weekly());
    for (int i = 0; i < weekly.size(); i++) {
      BusinessHoursDocument.Interval interval = weekly.get(i);
      String at = Problems.at(path, "weekly[" + i + "]");
      DayOfWeek day =
          required(interval.day(), at + ".day", problems) == null
              ? null
              : Values.constant(DayOfWeek.class, interval.day(), at + ".day", problems);
      LocalTime opens = time(interval.opens(), at + ".opens", problems);
      LocalTime closes = time(interval.closes(), at + ".closes", problems);
      if (day != null && opens != null && closes != null) {
        add(problems.attempt(at, () -> new OpeningInterval(day, opens, closes)), intervals);
      }
    }
    WeeklySchedule schedule =
        problems.attempt(Problems.at(path, "weekly"), () -> new WeeklySchedule(intervals));
    List<HolidaySet> sets = new ArrayList<>();
    List<BusinessHoursDocument.HolidaySet> setDocs =
        ConfigurationDocument.orEmpty(doc.holidaySets());
    for (int i = 0; i < setDocs.size(); i++) {
      add(holidaySet(setDocs.get(i), Problems.at(path, "holidaySets[" + i + "]"), problems), sets);
    }
    if (problems.count() > before) {
      return null;
    }
    ZoneId in = zone;
    return problems.attempt(
        path.isEmpty() ? "businessHours" : path,
        () -> new BusinessHours(doc.name(), in, schedule, sets));
  }

  private static @Nullable HolidaySet holidaySet(
      BusinessHoursDocument.HolidaySet doc, String path, Problems problems) {
    int before = problems.count();
    required(doc.name(), path + ".name", problems);
    List<Holiday> holidays = new ArrayList<>();
    List<BusinessHoursDocument.Holiday> docs = ConfigurationDocument.orEmpty(doc.holidays());
    for (int i = 0; i < docs.size(); i++) {
      BusinessHoursDocument.Holiday holiday = docs.get(i);
      String at = path + ".holidays[" + i + "]";
      LocalDate date =
          required(holiday.date(), at + ".date", problems) == null
              ? null
              : problems.attempt(at + ".date", () -> LocalDate.parse(holiday.date()));
      required(holiday.name(), at + ".name", problems);
      List<SpecialHours> spans = new ArrayList<>();
      List<BusinessHoursDocument.Span> spanDocs =
          ConfigurationDocument.orEmpty(holiday.openHours());
      for (int j = 0; j < spanDocs.size(); j++) {
        String spanAt = at + ".openHours[" + j + "]";
        LocalTime opens = time(spanDocs.get(j).opens(), spanAt + ".opens", problems);
        LocalTime closes = time(spanDocs.get(j).closes(), spanAt + ".closes", problems);
        if (opens != null && closes != null) {
          add(problems.attempt(spanAt, () -> new SpecialHours(opens, closes)), spans);
        }
      }
      if (date != null && holiday.name() != null) {
        add(problems.attempt(at, () -> new Holiday(date, holiday.name(), spans)), holidays);
      }
    }
    if (problems.count() > before) {
      return null;
    }
    return problems.attempt(path, () -> new HolidaySet(doc.name(), holidays));
  }

  /**
   * The document of {@code hours}, every key written; end-of-day closing times as {@code 24:00}.
   */
  static BusinessHoursDocument of(BusinessHours hours) {
    return new BusinessHoursDocument(
        hours.name(),
        hours.zone().getId(),
        hours.weekly().intervals().stream()
            .map(
                i ->
                    new BusinessHoursDocument.Interval(
                        i.day().name(), text(i.opens(), false), text(i.closes(), true)))
            .toList(),
        hours.holidaySets().stream()
            .map(
                set ->
                    new BusinessHoursDocument.HolidaySet(
                        set.name(),
                        set.holidays().stream()
                            .map(
                                h ->
                                    new BusinessHoursDocument.Holiday(
                                        h.date().toString(),
                                        h.name(),
                                        h.openHours().stream()
                                            .map(
                                                s ->
                                                    new BusinessHoursDocument.Span(
                                                        text(s.opens(), false),
                                                        text(s.closes(), true)))
                                            .toList()))
                            .toList()))
            .toList());
  }

  private static String text(LocalTime time, boolean closing) {
    return closing && time.equals(LocalTime.MIDNIGHT) ? "24:00" : time.toString();
  }

  private static @Nullable LocalTime time(@Nullable String text, String field, Problems problems) {
    return required(text, field, problems) == null ? null : Values.time(text, field, problems);
  }

  private static @Nullable String required(
      @Nullable String value, String field, Problems problems) {
    if (value == null) {
      problems.add(field, "is required");
    }
    return value;
  }

  private static <T> void add(@Nullable T value, List<T> list) {
    if (value != null) {
      list.add(value);
    }
  }
}
