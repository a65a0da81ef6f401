package io.tandem.sip.b2bua;

import io.tandem.core.time.Timer;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.OutboundTrunk;
import java.time.Duration;
import java.util.List;

/**
 * The order one outgoing leg tries its next hops in (a Direct Routing trunk's proxies, or a
 * carrier's gateway), and the timer that gives up on a hop that sends nothing within the trunk's
 * failover time. Which statuses move on is {@link #failsOver(int)}: 408, 503 and 504 (a transport
 * failure counts as 408); never 603. Runs on the call's lane.
 */
final class ProxyFailover {

  private final List<DirectRoutingTrunk.Proxy> proxies;
  private final Duration failoverTimeout;
  private int index;
  private Timer timer = Timer.NONE;

  /** A Direct Routing trunk's proxies, each given its failover time. */
  ProxyFailover(DirectRoutingTrunk trunk) {
    this(trunk.proxies(), trunk.failoverTimeout());
  }

  /** A carrier's gateway alone: no response within its timeout fails the leg (408). */
  ProxyFailover(OutboundTrunk trunk) {
    this(
        List.of(new DirectRoutingTrunk.Proxy(trunk.gatewayHost(), trunk.gatewayPort())),
        trunk.noResponseTimeout());
  }

  private ProxyFailover(List<DirectRoutingTrunk.Proxy> proxies, Duration failoverTimeout) {
    this.proxies = List.copyOf(proxies);
    this.failoverTimeout = failoverTimeout;
  }

  /** Whether a final {@code status} from a proxy means: try the next one. */
  static boolean failsOver(int status) {
    return status == 408 || status == 503 || status == 504;
  }

  DirectRoutingTrunk.Proxy current() {
    return proxies.get(index);
  }

  /** Moves to the next proxy; false when there is none left. */
  boolean advance() {
    if (index + 1 >= proxies.size()) {
      return false;
    }
    index++;
    return true;
  }

  /** Runs {@code noResponse} on {@code lane} unless {@link #disarm()} comes first. */
  void arm(ConnectContext context, String lane, Runnable noResponse) {
    timer.cancel();
    timer = context.after(failoverTimeout, lane, noResponse);
  }

  void disarm() {
    timer.cancel();
  }
}
