package io.tandem.media.session;

import io.tandem.media.clock.Pacer;
import org.jspecify.annotations.Nullable;

/**
 * The pacing of one session's {@link Transmitter}: it ticks only while there is something to send
 * (a source playing, digits queued). A tick that leaves the transmitter idle stops the ticks;
 * {@link #wake()} starts them again, moving the stream's slot timestamp on by the periods that
 * passed meanwhile, so timestamps keep following media time across the pause. A bridged leg, which
 * only relays packets as they arrive, therefore costs no timer work.
 *
 * <p>Threading: ticks run on the pacer's thread; {@link #wake()}, {@link #catchUp()} and {@link
 * #close()} may be called from any thread. Starting and stopping happen under this object's lock.
 */
final class SendPacing {

  private final Pacer pacer;
  private final Transmitter transmitter;
  private final OutboundStream stream;
  private Pacer.@Nullable PacedTask task;
  private long idleSince;
  private boolean closed;

  /** Idle until the first {@link #wake()}. */
  SendPacing(Pacer pacer, Transmitter transmitter, OutboundStream stream) {
    this.pacer = pacer;
    this.transmitter = transmitter;
    this.stream = stream;
    this.idleSince = pacer.currentPeriod();
  }

  /**
   * Starts the ticks if they stopped: the slot timestamp catches up and the next audio starts a
   * talk spurt. Call after giving the transmitter something to send.
   */
  synchronized void wake() {
    if (closed || task != null) {
      return;
    }
    catchUp();
    stream.silence();
    task = pacer.schedule(this::tick);
  }

  /** While idle, moves the slot timestamp to the current period (before relaying a packet). */
  synchronized void catchUp() {
    if (task != null) {
      return;
    }
    long now = pacer.currentPeriod();
    stream.skipSlots(now - idleSince);
    idleSince = now;
  }

  /** Whether the ticks run now. */
  synchronized boolean ticking() {
    return task != null;
  }

  /** Stops the ticks for good. Idempotent. */
  synchronized void close() {
    closed = true;
    stop();
  }

  private void tick() {
    transmitter.run();
    if (transmitter.idle()) {
      synchronized (this) {
        if (transmitter.idle()) {
          stop();
        }
      }
    }
  }

  private void stop() {
    Pacer.PacedTask running = task;
    if (running != null) {
      running.cancel();
      task = null;
      idleSince = pacer.currentPeriod();
    }
  }
}
