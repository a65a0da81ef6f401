package io.tandem.sip.stack;

import java.time.Duration;

/**
 * How a {@link StreamTransport} opens, bounds and watches its connections.
 *
 * @param connectTimeout how long a connection attempt may take
 * @param handshakeTimeout how long a TLS handshake may take, on either side
 * @param limits the write and idle limits of every connection
 * @param sweep the endpoint's sweep that enforces them
 */
record StreamOptions(
    Duration connectTimeout,
    Duration handshakeTimeout,
    ConnectionLimits limits,
    ConnectionSweep sweep) {

  /** The transport's default timeouts ({@link StreamTransport#CONNECT_TIMEOUT}, ...). */
  static StreamOptions of(ConnectionLimits limits, ConnectionSweep sweep) {
    return new StreamOptions(
        StreamTransport.CONNECT_TIMEOUT, StreamTransport.HANDSHAKE_TIMEOUT, limits, sweep);
  }
}
