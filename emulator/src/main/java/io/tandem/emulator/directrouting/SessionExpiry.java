package io.tandem.emulator.directrouting;

import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The session timer the proxy runs on an answered SBC → Teams call (RFC 4028): the 200 named the
 * SBC the refresher ({@code refresher=uac}, {@code Require: timer}); unless a re-INVITE or UPDATE
 * from the SBC refreshes the session, the proxy ends it with BYE when {@code interval − min(32 s,
 * interval / 3)} has passed since the answer or the last refresh (§10). Calls whose SBC does not
 * support timers run no timer. Confined to the call's serial executor.
 */
final class SessionExpiry {

  private final Scheduler scheduler;
  private final Duration interval;
  private final Runnable expired;
  private Scheduler.@Nullable Timer timer;

  SessionExpiry(Scheduler scheduler, Duration interval, Runnable expired) {
    this.scheduler = scheduler;
    this.interval = interval;
    this.expired = expired;
  }

  /** How long after the last refresh the session is over. */
  Duration deadline() {
    Duration third = interval.dividedBy(3);
    Duration margin = third.compareTo(Duration.ofSeconds(32)) < 0 ? third : Duration.ofSeconds(32);
    return interval.minus(margin);
  }

  /** The call was answered or refreshed: the deadline starts again. */
  void refreshed() {
    stop();
    timer = scheduler.schedule(deadline(), expired);
  }

  void stop() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
