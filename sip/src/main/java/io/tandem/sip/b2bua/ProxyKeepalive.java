package io.tandem.sip.b2bua;

import io.tandem.core.time.Timer;
import io.tandem.sip.stack.InboundResponse;
import io.tandem.sip.stack.ListenPoint;
import io.tandem.sip.stack.OutboundRequest;
import io.tandem.sip.stack.ResponseHandler;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Direct Routing's health check from the SBC side (MICROSOFT-CONTRACTS §1.2): OPTIONS to every
 * proxy of every trunk once a minute, Contact carrying the SBC FQDN, so Microsoft keeps the SBC
 * healthy; the last answer of each proxy is kept for operators.
 */
final class ProxyKeepalive implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofMinutes(1);
  private static final System.Logger LOG = System.getLogger(ProxyKeepalive.class.getName());

  private final ConnectContext context;
  private final List<DirectRoutingTrunk> trunks;
  private final Map<String, Integer> lastStatus = new ConcurrentHashMap<>();
  private volatile Timer next = Timer.NONE;
  private volatile boolean closed;

  ProxyKeepalive(ConnectContext context, List<DirectRoutingTrunk> trunks) {
    this.context = context;
    this.trunks = List.copyOf(trunks);
  }

  /** Pings now and every minute after. */
  void start() {
    ping();
  }

  /** The last status each proxy ({@code fqdn:port}) answered, 408 when it did not. */
  Map<String, Integer> lastStatus() {
    return Map.copyOf(lastStatus);
  }

  private void ping() {
    if (closed) {
      return;
    }
    for (DirectRoutingTrunk trunk : trunks) {
      ListenPoint point = context.endpoint().listenPoint(trunk.transport());
      for (DirectRoutingTrunk.Proxy proxy : trunk.proxies()) {
        send(trunk, point, proxy);
      }
    }
    next = context.scheduler().schedule(context.clock().instant().plus(INTERVAL), this::ping);
  }

  private void send(DirectRoutingTrunk trunk, ListenPoint point, DirectRoutingTrunk.Proxy proxy) {
    String target = proxy.fqdn() + ":" + proxy.port();
    String sbc = trunk.sbcFqdn() + ":" + point.port();
    OutboundRequest options =
        new OutboundRequest("OPTIONS", "sip:" + target + ";transport=" + trunk.transport().token())
            .header("Max-Forwards", "70")
            .header("From", "<sip:" + sbc + ">;tag=" + ContextIds.tag())
            .header("To", "<sip:" + target + ">")
            .header("Call-ID", ContextIds.callId())
            .header("CSeq", "1 OPTIONS")
            .header("Contact", "<sip:" + sbc + ";transport=" + trunk.transport().token() + ">")
            .header("X-MS-SBC", trunk.sbcIdentity())
            .header("User-Agent", context.settings().userAgent());
    context
        .endpoint()
        .send(
            point,
            options,
            new ResponseHandler() {
              @Override
              public void onResponse(InboundResponse response) {
                if (!response.isProvisional()) {
                  lastStatus.put(target, response.status());
                }
              }

              @Override
              public void onTimeout() {
                lastStatus.put(target, 408);
                LOG.log(
                    System.Logger.Level.WARNING,
                    "Direct Routing proxy {0} did not answer OPTIONS",
                    target);
              }
            });
  }

  @Override
  public void close() {
    closed = true;
    next.cancel();
  }
}
