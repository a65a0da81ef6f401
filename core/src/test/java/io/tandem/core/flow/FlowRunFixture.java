package io.tandem.core.flow;

import io.tandem.core.hours.BusinessHours;
import io.tandem.core.hours.Holiday;
import io.tandem.core.hours.HolidaySet;
import io.tandem.core.hours.WeeklySchedule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What a test of a {@link FlowRun} needs around it: a tenant catalog, the recording and scripted
 * ports, a fixed clock, and a caller.
 *
 * <p>The tenant has queues {@code billing} and {@code support}, skills {@code billing} and {@code
 * support}, and business hours {@code office}: weekdays 08:00-18:00 in Zurich, closed on Christmas
 * Day 2025, open 08:00-12:00 on Christmas Eve 2025.
 */
final class FlowRunFixture {

  static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
  static final Instant MONDAY_MORNING = at("2025-11-24T10:00");
  static final Instant MONDAY_NIGHT = at("2025-11-24T20:00");
  static final Instant CHRISTMAS_DAY = at("2025-12-25T10:00");
  static final Instant CHRISTMAS_EVE_MORNING = at("2025-12-24T09:00");
  static final Instant CHRISTMAS_EVE_AFTERNOON = at("2025-12-24T14:00");
  static final String CALLER = "+41791234567";
  static final String DIALED = "+41445550100";

  static final BusinessHours OFFICE_HOURS =
      new BusinessHours(
          "office",
          ZURICH,
          WeeklySchedule.weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)),
          List.of(
              new HolidaySet(
                  "zurich",
                  List.of(
                      Holiday.openOnly(
                          LocalDate.of(2025, 12, 24),
                          "Christmas Eve",
                          LocalTime.of(8, 0),
                          LocalTime.of(12, 0)),
                      Holiday.closed(LocalDate.of(2025, 12, 25), "Christmas Day")))));

  final FixedFlowCatalog catalog =
      new FixedFlowCatalog()
          .withQueues("billing", "support")
          .withSkills("billing", "support")
          .withHours(OFFICE_HOURS);
  final RecordingFlowMedia media = new RecordingFlowMedia();
  final ScriptedDataLookup lookup = new ScriptedDataLookup();
  final RecordingFlowDecisions decisions = new RecordingFlowDecisions();
  private Clock clock = Clock.fixed(MONDAY_MORNING, ZURICH);

  /** Sets the time every run started afterwards sees. */
  FlowRunFixture at(Instant now) {
    clock = Clock.fixed(now, ZURICH);
    return this;
  }

  /** A run of {@code flow}, validated against the catalog, for a call from {@link #CALLER}. */
  FlowRun run(Flow flow) {
    return run(flow, Map.of(FlowRun.CALLER_ATTRIBUTE, CALLER, FlowRun.DIALED_ATTRIBUTE, DIALED));
  }

  /** A run of {@code flow} for an interaction with {@code attributes}. */
  FlowRun run(Flow flow, Map<String, String> attributes) {
    return new FlowRun(
        FlowValidator.validate(flow, catalog), attributes, media, lookup, decisions, clock);
  }

  /** A started run of {@code flow}. */
  FlowRun started(Flow flow) {
    FlowRun run = run(flow);
    run.start();
    return run;
  }

  private static Instant at(String zurichLocalTime) {
    return java.time.LocalDateTime.parse(zurichLocalTime).atZone(ZURICH).toInstant();
  }
}
