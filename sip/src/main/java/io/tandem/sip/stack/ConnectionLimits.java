package io.tandem.sip.stack;

import java.time.Duration;

/**
 * How long and how much a TCP or TLS connection of an endpoint may hold up (RFC 3261 §18 leaves it
 * to the implementation): a peer that stops reading, or a connection nobody uses, must not hold a
 * thread or memory for good.
 *
 * @param writeTimeout how long one write may stay blocked (the peer reads nothing and the kernel's
 *     buffers are full) before the connection is closed and the transactions waiting on it fail as
 *     on a transport error; positive
 * @param writeQueueBytes how many bytes of messages may wait behind a write in progress; one more
 *     message closes the connection the same way; at least 64 KiB (a message's largest size)
 * @param idleTimeout how long a connection may carry nothing (no message, no keepalive ping, either
 *     way) before it is closed; {@link Duration#ZERO} keeps idle connections open
 */
public record ConnectionLimits(Duration writeTimeout, int writeQueueBytes, Duration idleTimeout) {

  /**
   * 10 s per write; 8 MiB queued (at an estimated 5 KB of requests per call, about 0.8 s of a
   * Direct Routing connection at 2,000 calls/s); 3 minutes idle (Microsoft's proxies send OPTIONS
   * every minute).
   */
  public static final ConnectionLimits DEFAULTS =
      new ConnectionLimits(Duration.ofSeconds(10), 8 * 1024 * 1024, Duration.ofMinutes(3));

  /** The smallest write queue: one message of the largest size a stream carries. */
  static final int MIN_WRITE_QUEUE_BYTES = 64 * 1024;

  public ConnectionLimits {
    if (writeTimeout.isNegative() || writeTimeout.isZero()) {
      throw new IllegalArgumentException("the write timeout must be positive, not " + writeTimeout);
    }
    if (writeQueueBytes < MIN_WRITE_QUEUE_BYTES) {
      throw new IllegalArgumentException(
          "the write queue must hold at least " + MIN_WRITE_QUEUE_BYTES + " bytes");
    }
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("the idle timeout must not be negative: " + idleTimeout);
    }
  }
}
