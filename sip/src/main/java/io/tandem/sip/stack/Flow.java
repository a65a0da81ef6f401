package io.tandem.sip.stack;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A way to one peer over one transport: a UDP socket and the peer's address, or one TCP/TLS
 * connection. A response goes back on the flow its request arrived on; a request is sent on the
 * flow its transport opens (or reuses) towards the next hop.
 *
 * <p>Threading: {@link #send} may be called from any thread; one message is never interleaved with
 * another on the same flow.
 */
interface Flow {

  /** Sends one whole SIP message (headers and body). Throws when the peer cannot be reached. */
  void send(byte[] message) throws IOException;

  /** The peer's address and port (for a received message: the packet's or connection's source). */
  InetSocketAddress remote();

  /** The transport of this flow (reliable ones take no retransmissions). */
  Transport transport();
}
