package io.tandem.sip.stack;

import java.net.InetAddress;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link SipEndpoint} runs.
 *
 * @param name the stack's name (logs, thread names)
 * @param bind the address every listening point binds to, also written in Via
 * @param points the transports and ports to listen on
 * @param tls certificate and trust anchors; required when a point is TLS
 * @param resolveHost turns a next hop's host name into an address (a host map in tests and the
 *     demo, {@link UnaryOperator#identity()} for DNS); IP literals never go through it
 * @param connections the write and idle limits of TCP and TLS connections
 */
public record EndpointSettings(
    String name,
    InetAddress bind,
    List<ListenPoint> points,
    @Nullable TlsMaterial tls,
    UnaryOperator<String> resolveHost,
    ConnectionLimits connections) {

  /** Settings with {@link ConnectionLimits#DEFAULTS}. */
  public EndpointSettings(
      String name,
      InetAddress bind,
      List<ListenPoint> points,
      @Nullable TlsMaterial tls,
      UnaryOperator<String> resolveHost) {
    this(name, bind, points, tls, resolveHost, ConnectionLimits.DEFAULTS);
  }

  public EndpointSettings {
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a SIP endpoint needs at least one listening point");
    }
    if (tls == null && points.stream().anyMatch(p -> p.transport() == Transport.TLS)) {
      throw new IllegalArgumentException("a TLS listening point needs TLS material");
    }
  }
}
