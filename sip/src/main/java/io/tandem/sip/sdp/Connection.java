package io.tandem.sip.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Connection data ({@code c=IN IP4 192.0.2.10}, {@code c=IN IP6 2001:db8::10}): an IP literal,
 * never a host name, so reading SDP never waits for DNS. A multicast {@code /ttl} suffix is
 * dropped.
 */
public record Connection(InetAddress address) {

  private static final Pattern IP4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IP6 = Pattern.compile("[0-9A-Fa-f:.]+(%\\w+)?");

  /**
   * Whether this is {@code 0.0.0.0} (or {@code ::}), the RFC 2543 way of putting a call on hold.
   */
  public boolean isUnspecified() {
    return address.isAnyLocalAddress();
  }

  /** {@code IP4} or {@code IP6}. */
  public String addressType() {
    return address instanceof Inet6Address ? "IP6" : "IP4";
  }

  /** The text after {@code c=}: {@code IN IP4 192.0.2.10}. */
  public String text() {
    return "IN " + addressType() + " " + address.getHostAddress();
  }

  /** The connection {@code IN <addressType> <address>} stands for. */
  static Connection parse(String networkType, String addressType, String address)
      throws MalformedSdpException {
    if (!networkType.equals("IN")) {
      throw new MalformedSdpException("network type " + networkType + ", only IN is known");
    }
    String literal =
        address.contains("/") && addressType.equals("IP4")
            ? address.substring(0, address.indexOf('/'))
            : address;
    boolean valid =
        switch (addressType) {
          case "IP4" -> IP4.matcher(literal).matches();
          case "IP6" -> literal.contains(":") && IP6.matcher(literal).matches();
          default ->
              throw new MalformedSdpException("address type " + addressType + ", not IP4/IP6");
        };
    if (!valid) {
      throw new MalformedSdpException(
          "connection address '" + address + "' is no " + addressType + " literal");
    }
    try {
      return new Connection(InetAddress.getByName(literal)); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new MalformedSdpException("connection address '" + address + "': " + e.getMessage());
    }
  }

  /** Parses the text after {@code c=} (or the last three fields of {@code o=}). */
  static Connection parse(String text) throws MalformedSdpException {
    String[] fields = SdpText.SPACES.split(text.trim());
    if (fields.length != 3) {
      throw new MalformedSdpException(
          "connection needs 3 fields, has " + fields.length + ": " + text);
    }
    return parse(fields[0], fields[1], fields[2]);
  }
}
