package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SentResponse;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The UAS core's retransmission of its 200 OK to an INVITE until the ACK arrives, RFC 3261
 * §13.3.1.4: the 200 is passed to the transport again after T1 (500 ms), then at intervals that
 * double up to T2 (4 s), whatever the transport; when 64×T1 (32 s) pass without an ACK the session
 * is over and {@code ackTimedOut} runs (the call ends it with BYE, as §13.3.1.4 says it SHOULD).
 * Microsoft documents nothing else for its SIP proxy (the SIP protocol page of Direct Routing
 * defers to RFC 3261), so the RFC's timers are used. Confined to the call's serial executor: every
 * timer is moved onto it by {@code onCall}.
 */
final class OkRetransmission {

  static final Duration T1 = Duration.ofMillis(500);
  static final Duration T2 = Duration.ofSeconds(4);
  static final Duration ACK_TIMEOUT = T1.multipliedBy(64);

  /** Where the retransmission is: sending, or over because the ACK came, time ran out or stop. */
  enum State {
    AWAITING_ACK,
    ACKNOWLEDGED,
    TIMED_OUT,
    STOPPED
  }

  private @Nullable SentResponse ok;
  private final Runnable ackTimedOut;
  private final List<Scheduler.Timer> timers = new ArrayList<>();
  private State state = State.AWAITING_ACK;

  private OkRetransmission(Runnable ackTimedOut) {
    this.ackTimedOut = ackTimedOut;
  }

  /**
   * Schedules the retransmissions of a 200 about to be sent (before it leaves, so that virtual time
   * moved on as soon as the 200 is seen still finds them); {@link #sent} names it. {@code onCall}
   * moves a task onto the call's executor, {@code ackTimedOut} runs there after 64×T1 without an
   * ACK.
   */
  static OkRetransmission schedule(
      Scheduler scheduler, java.util.function.Consumer<Runnable> onCall, Runnable ackTimedOut) {
    OkRetransmission retransmission = new OkRetransmission(ackTimedOut);
    for (Duration at : retransmissionTimes()) {
      retransmission.timers.add(
          scheduler.schedule(at, () -> onCall.accept(retransmission::retransmit)));
    }
    retransmission.timers.add(
        scheduler.schedule(ACK_TIMEOUT, () -> onCall.accept(retransmission::timeOut)));
    return retransmission;
  }

  /** The 200 left as {@code response}; null when it could not be sent (nothing to retransmit). */
  void sent(@Nullable SentResponse response) {
    this.ok = response;
    if (response == null) {
      stop();
    }
  }

  /** The ACK arrived: no more retransmissions. */
  void acknowledged() {
    end(State.ACKNOWLEDGED);
  }

  /** The call ended otherwise (BYE, transfer): no more retransmissions. */
  void stop() {
    end(State.STOPPED);
  }

  /**
   * When the 200 is passed to the transport again, counted from the first send and before 64×T1:
   * 0.5, 1.5, 3.5, 7.5, 11.5 … 31.5 s. All are scheduled up front, so virtual time that jumps still
   * sees every one.
   */
  static List<Duration> retransmissionTimes() {
    List<Duration> times = new ArrayList<>();
    Duration interval = T1;
    Duration at = T1;
    while (at.compareTo(ACK_TIMEOUT) < 0) {
      times.add(at);
      Duration doubled = interval.multipliedBy(2);
      interval = doubled.compareTo(T2) > 0 ? T2 : doubled;
      at = at.plus(interval);
    }
    return times;
  }

  private void retransmit() {
    if (state != State.AWAITING_ACK || ok == null) {
      return;
    }
    ok.retransmit();
  }

  private void timeOut() {
    if (state == State.AWAITING_ACK) {
      end(State.TIMED_OUT);
      ackTimedOut.run();
    }
  }

  private void end(State ended) {
    if (state != State.AWAITING_ACK) {
      return;
    }
    state = ended;
    timers.forEach(Scheduler.Timer::cancel);
    timers.clear();
  }
}
