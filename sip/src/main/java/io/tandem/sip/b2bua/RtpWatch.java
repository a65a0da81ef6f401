package io.tandem.sip.b2bua;

import io.tandem.core.time.Timer;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The RTP inactivity timer of one leg: every quarter of {@code ConnectSettings.rtpTimeout} it reads
 * how many packets the leg has received, and once that count has not moved for the timeout while
 * the far end is meant to send ({@link LegMedia#farEndSends()}: not while it holds the call with
 * {@code inactive} or {@code recvonly}), it calls {@code onSilent} once and stops. A held leg
 * restarts the count when it resumes.
 *
 * <p>States: {@code WATCHING → FIRED} (silent for the timeout) or {@code → STOPPED} ({@link
 * #stop()}); both final. Threading: checks run on the call's lane, as does {@link #stop()}.
 */
final class RtpWatch {

  private enum State {
    WATCHING,
    FIRED,
    STOPPED
  }

  private final ConnectContext context;
  private final String lane;
  private final LegMedia media;
  private final Duration timeout;
  private final Duration interval;
  private final Runnable onSilent;
  private State state = State.WATCHING;
  private long lastCount = -1;
  private Instant quietSince;
  private @Nullable Timer next;

  private RtpWatch(ConnectContext context, String lane, LegMedia media, Runnable onSilent) {
    this.context = context;
    this.lane = lane;
    this.media = media;
    this.timeout = context.settings().rtpTimeout();
    this.interval = timeout.dividedBy(4);
    this.onSilent = onSilent;
    this.quietSince = context.clock().instant();
  }

  /** Watches {@code media} on {@code lane}; a zero timeout watches nothing. */
  static RtpWatch start(ConnectContext context, String lane, LegMedia media, Runnable onSilent) {
    RtpWatch watch = new RtpWatch(context, lane, media, onSilent);
    if (watch.timeout.isZero()) {
      watch.state = State.STOPPED;
    } else {
      watch.schedule();
    }
    return watch;
  }

  /** Stops watching (the leg ended). Idempotent. */
  void stop() {
    if (state == State.WATCHING) {
      state = State.STOPPED;
    }
    Timer pending = next;
    if (pending != null) {
      pending.cancel();
    }
  }

  private void schedule() {
    next = context.after(interval, lane, this::check);
  }

  private void check() {
    if (state != State.WATCHING) {
      return;
    }
    Instant now = context.clock().instant();
    long count = media.packetsReceived();
    if (count != lastCount || !media.farEndSends()) {
      lastCount = count;
      quietSince = now;
    } else if (!now.isBefore(quietSince.plus(timeout))) {
      state = State.FIRED;
      onSilent.run();
      return;
    }
    schedule();
  }
}
