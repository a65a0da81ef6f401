package io.tandem.sip.stack;

import gov.nist.core.net.AddressResolver;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.sip.address.Hop;

/**
 * The address a message is sent to for a next hop: a host name goes through the endpoint's host map
 * ({@link EndpointSettings#resolveHost()}), an IP literal is kept as it is, and a missing port is
 * the transport's default. Keeping literals matters for responses: they go to the request's Via
 * ({@code received}/{@code rport}, RFC 3261 §18.2.2 and RFC 3581), which is always an address.
 */
final class NextHopResolver implements AddressResolver {

  private static final Pattern IP4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final UnaryOperator<String> resolveHost;

  NextHopResolver(UnaryOperator<String> resolveHost) {
    this.resolveHost = resolveHost;
  }

  @Override
  public Hop resolveAddress(Hop hop) {
    String host = hop.getHost();
    return new HopImpl(
        isLiteral(host) ? host : resolveHost.apply(host),
        hop.getPort() > 0 ? hop.getPort() : Transport.parse(hop.getTransport()).defaultPort(),
        hop.getTransport());
  }

  /** Whether {@code host} is an IPv4 or IPv6 literal (host names never contain a colon). */
  static boolean isLiteral(String host) {
    return IP4.matcher(host).matches() || host.contains(":");
  }
}
