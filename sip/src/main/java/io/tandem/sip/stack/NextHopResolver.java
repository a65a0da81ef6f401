package io.tandem.sip.stack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where a request goes (RFC 3261 §8.1.2): to its first Route, else to its Request-URI. A host name
 * goes through the endpoint's host map ({@link EndpointSettings#resolveHost()}) and then DNS; an IP
 * literal is kept as it is; a missing port is the sending transport's default.
 */
final class NextHopResolver {

  private static final Pattern IP4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final UnaryOperator<String> resolveHost;

  NextHopResolver(UnaryOperator<String> resolveHost) {
    this.resolveHost = resolveHost;
  }

  /** A next hop: the host as the request names it (for TLS names) and its address. */
  record NextHop(String host, InetSocketAddress address) {}

  /** The next hop of {@code request} sent over {@code transport}. */
  NextHop of(OutboundRequest request, Transport transport) throws UnknownHostException {
    List<String> routes = request.all("Route");
    SipUri uri =
        routes.isEmpty()
            ? SipUri.parse(request.requestUri())
            : NameAddress.parse(routes.get(0)).sipUri();
    String host = unbracketed(uri.host());
    return new NextHop(host, resolve(host, uri.port(), transport));
  }

  /** The address of {@code host}:{@code port} ({@code port} ≤ 0: the transport's default). */
  InetSocketAddress resolve(String host, int port, Transport transport)
      throws UnknownHostException {
    String address = isLiteral(host) ? unbracketed(host) : resolveHost.apply(host);
    return new InetSocketAddress(
        InetAddress.getByName(address), port > 0 ? port : transport.defaultPort());
  }

  /** Whether {@code host} is an IPv4 or IPv6 literal (host names never contain a colon). */
  static boolean isLiteral(String host) {
    if (host.contains(":")) {
      return true;
    }
    if (host.isEmpty() || Character.isLetter(host.charAt(host.length() - 1))) {
      return false; // a name: an IPv4 literal ends with a digit
    }
    return IP4.matcher(host).matches();
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
