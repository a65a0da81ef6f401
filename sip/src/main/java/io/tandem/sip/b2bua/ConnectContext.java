package io.tandem.sip.b2bua;

import io.tandem.core.time.Scheduler;
import io.tandem.core.time.Timer;
import io.tandem.sip.stack.SipEndpoint;
import io.tandem.sip.trunk.TrunkPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What every call of a node shares: the SIP endpoint, trunks, media, time, the call table, and
 * {@code executor} (virtual threads) for work that blocks, such as keeping a voicemail, and how far
 * behind the tenants are in taking callers in ({@link ArrivalLag}).
 */
record ConnectContext(
    ConnectSettings settings,
    SipEndpoint endpoint,
    TrunkPlan trunks,
    LegMediaFactory media,
    Tenants tenants,
    CallTable calls,
    Scheduler scheduler,
    Clock clock,
    Executor executor,
    ArrivalLag arrivals) {

  /** Runs {@code task} on the lane {@code lane} after {@code delay}. */
  Timer after(Duration delay, String lane, Runnable task) {
    return scheduler.schedule(clock.instant().plus(delay), () -> endpoint.execute(lane, task));
  }
}
