package io.tandem.server.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Business hours as configuration documents write them; keys as in docs/configuration.md. Times are
 * {@code HH:mm} local times, where a closing time of {@code 00:00} or {@code 24:00} is the end of
 * the day; dates are ISO ({@code 2026-12-24}).
 */
public record BusinessHoursDocument(
    @Nullable String name,
    @Nullable String zone,
    @Nullable List<Interval> weekly,
    @Nullable List<HolidaySet> holidaySets) {

  /** Open on {@code day} (e.g. {@code MONDAY}) from {@code opens} to {@code closes}. */
  public record Interval(@Nullable String day, @Nullable String opens, @Nullable String closes) {}

  /** A named set of holidays. */
  public record HolidaySet(@Nullable String name, @Nullable List<Holiday> holidays) {}

  /** A date whose hours replace the weekly ones; no {@code openHours} = closed all day. */
  public record Holiday(
      @Nullable String date, @Nullable String name, @Nullable List<Span> openHours) {}

  /** Open from {@code opens} to {@code closes} on a holiday. */
  public record Span(@Nullable String opens, @Nullable String closes) {}
}
