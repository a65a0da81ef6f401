package io.tandem.emulator.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that reads a {@link Scheduler}'s time, so code under test that takes a JDK clock
 * shares the emulator's (possibly virtual) time.
 */
public final class SchedulerClock extends Clock {

  private final Scheduler scheduler;

  public SchedulerClock(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return scheduler.now();
  }
}
