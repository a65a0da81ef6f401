package io.tandem.sip.stack;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One listening point of an endpoint: a bound UDP socket, or a TCP/TLS server socket with its
 * connections. Every message it receives goes whole to the {@link MessageSink} with the flow it
 * came on; the transport knows nothing of SIP beyond framing.
 */
interface SipTransport extends AutoCloseable {

  /** The point listened on, with the port actually bound (never 0 once started). */
  ListenPoint point();

  /**
   * A flow to {@code address}: for UDP the socket and that address; for TCP/TLS an open connection
   * to that address if one exists, else a new one. For TLS, {@code host} is the name the request is
   * addressed to: sent as SNI, and the peer's certificate must name it (RFC 5922 §7.2, RFC 2818
   * wildcards) unless it is an IP literal. Blocks while connecting; throws when the connection or
   * the handshake fails or the name does not match.
   */
  Flow flowTo(InetSocketAddress address, String host) throws IOException;

  /** Stops listening and closes every connection; idempotent. */
  @Override
  void close();

  /** Receives the messages of a transport, on the transport's threads. */
  @FunctionalInterface
  interface MessageSink {

    /**
     * One whole message: for UDP one datagram, for TCP/TLS one framed message (headers up to the
     * blank line plus Content-Length bytes of body). {@code message} is the sink's to keep.
     */
    void onMessage(byte[] message, Flow from, ListenPoint arrivedOn);
  }
}
