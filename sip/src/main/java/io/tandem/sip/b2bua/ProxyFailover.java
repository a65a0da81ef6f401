package io.tandem.sip.b2bua;

import io.tandem.core.time.Timer;
import io.tandem.sip.trunk.DirectRoutingTrunk;

/**
 * The order one agent leg tries a Direct Routing trunk's proxies in, and the timer that gives up on
 * a proxy that sends nothing within the trunk's failover time. Which statuses move on is {@link
 * #failsOver(int)}: 408, 503 and 504 (a transport failure counts as 408); never 603. Runs on the
 * call's lane.
 */
final class ProxyFailover {

  private final DirectRoutingTrunk trunk;
  private int index;
  private Timer timer = Timer.NONE;

  ProxyFailover(DirectRoutingTrunk trunk) {
    this.trunk = trunk;
  }

  /** Whether a final {@code status} from a proxy means: try the next one. */
  static boolean failsOver(int status) {
    return status == 408 || status == 503 || status == 504;
  }

  DirectRoutingTrunk.Proxy current() {
    return trunk.proxies().get(index);
  }

  /** Moves to the next proxy; false when there is none left. */
  boolean advance() {
    if (index + 1 >= trunk.proxies().size()) {
      return false;
    }
    index++;
    return true;
  }

  /** Runs {@code noResponse} on {@code lane} unless {@link #disarm()} comes first. */
  void arm(ConnectContext context, String lane, Runnable noResponse) {
    timer.cancel();
    timer = context.after(trunk.failoverTimeout(), lane, noResponse);
  }

  void disarm() {
    timer.cancel();
  }
}
