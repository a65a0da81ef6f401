package io.tandem.graph.extend;

import io.tandem.core.tenant.SerialLane;
import io.tandem.core.time.Timer;
import io.tandem.graph.client.GraphException;
import java.time.Duration;

/**
 * Keeps a caller's call alive while the bot holds it: Graph ends a call not kept alive for 45
 * minutes. Runs on the call's lane and stops by itself once the bot is out of the call.
 */
final class KeepAlive implements Timer {

  private static final System.Logger LOG = System.getLogger(KeepAlive.class.getName());

  private final Duration interval;
  private final SerialLane lane;
  private final CallerCall call;
  private volatile Timer next = Timer.NONE;

  private KeepAlive(Duration interval, SerialLane lane, CallerCall call) {
    this.interval = interval;
    this.lane = lane;
    this.call = call;
  }

  static KeepAlive every(Duration interval, SerialLane lane, CallerCall call) {
    KeepAlive keepAlive = new KeepAlive(interval, lane, call);
    keepAlive.schedule();
    return keepAlive;
  }

  private void schedule() {
    next = lane.after(interval, this::send);
  }

  private void send() {
    CallerCallState state = call.state();
    if (state == CallerCallState.ENDED || state == CallerCallState.HANDED_OVER) {
      return;
    }
    try {
      call.context().graph().keepAlive(call.callId());
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "keepAlive refused on call " + call.callId(), failed);
    }
    schedule();
  }

  @Override
  public void cancel() {
    next.cancel();
  }
}
