package io.tandem.sip.stack;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.message.Request;

/**
 * Turns Tandem's outgoing request text into a JAIN-SIP request with Tandem's own Via: the
 * endpoint's address and the sending point's port and transport, a fresh RFC 3261 branch, and
 * {@code rport} (RFC 3581) so responses come back to the port the request left from.
 */
final class RequestWriter {

  private final MessageFactoryImpl messages = new MessageFactoryImpl();
  private final String address;

  RequestWriter(String address) {
    this.address = address;
  }

  /** The request {@code outgoing} sent from {@code from}; throws when its text is malformed. */
  Request write(ListenPoint from, OutboundRequest outgoing) {
    String via =
        "SIP/2.0/"
            + from.transport().name()
            + " "
            + address
            + ":"
            + from.port()
            + ";branch=z9hG4bK"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
            + ";rport";
    byte[] body = outgoing.body();
    String text = outgoing.text(via) + new String(body, StandardCharsets.UTF_8);
    try {
      return messages.createRequest(text);
    } catch (Exception malformed) {
      throw new IllegalArgumentException("malformed outgoing request: " + malformed + "\n" + text);
    }
  }
}
