package io.tandem.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes Tandem's outgoing requests with Tandem's own Via: the endpoint's address and the sending
 * point's port and transport, a fresh RFC 3261 branch, and {@code rport} (RFC 3581) so responses
 * come back to the port the request left from.
 */
final class RequestWriter {

  private final String address;

  RequestWriter(String address) {
    this.address = address.contains(":") ? "[" + address + "]" : address;
  }

  /**
   * The request {@code outgoing} as sent from {@code from}; throws {@link IllegalArgumentException}
   * when it lacks what every request needs (From, To, Call-ID, CSeq).
   */
  SentRequest write(ListenPoint from, OutboundRequest outgoing) {
    String branch =
        Via.MAGIC_COOKIE
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    String via =
        "SIP/2.0/"
            + from.transport().name()
            + " "
            + address
            + ":"
            + from.port()
            + ";branch="
            + branch
            + ";rport";
    String fromHeader = required(outgoing, "From");
    String to = required(outgoing, "To");
    String callId = required(outgoing, "Call-ID");
    String cseq = required(outgoing, "CSeq").trim();
    int space = cseq.indexOf(' ');
    long number;
    try {
      number = Long.parseLong(space < 0 ? cseq : cseq.substring(0, space));
    } catch (NumberFormatException unreadable) {
      throw new IllegalArgumentException("malformed outgoing request: CSeq " + cseq);
    }
    byte[] head = outgoing.text(via).getBytes(StandardCharsets.UTF_8);
    byte[] body = outgoing.body();
    byte[] bytes = new byte[head.length + body.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(body, 0, bytes, head.length, body.length);
    return new SentRequest(
        outgoing.method(),
        outgoing.requestUri(),
        via,
        branch,
        fromHeader,
        to,
        callId,
        number,
        outgoing.all("Route"),
        bytes);
  }

  private static String required(OutboundRequest outgoing, String name) {
    String value = outgoing.header(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "malformed outgoing " + outgoing.method() + ": no " + name);
    }
    return value;
  }
}
