package io.tandem.server.connect;

import io.tandem.sip.stack.ConnectionLimits;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code tandem.sip.connections.*} keys: the limits of Tandem's SIP connections over TCP and
 * TLS ({@link ConnectionLimits}). Each key is documented, with its default, in {@code
 * server/README.md}.
 *
 * @param writeTimeout how long one write may stay blocked before the connection is closed
 * @param writeQueue how much may wait behind a write in progress before the connection is closed
 * @param idleTimeout how long a connection may carry nothing before it is closed; zero for never
 */
public record ConnectConnections(
    @DefaultValue("10s") Duration writeTimeout,
    @DefaultValue("8MB") DataSize writeQueue,
    @DefaultValue("3m") Duration idleTimeout) {

  private static final String PREFIX = "tandem.sip.connections.";

  /** The limits as the sip module's; call only after {@link #check} found no problem. */
  ConnectionLimits limits() {
    return new ConnectionLimits(writeTimeout, (int) writeQueue.toBytes(), idleTimeout);
  }

  /** Adds to {@code problems} each value the limits refuse. */
  void check(List<String> problems) {
    if (writeTimeout.isNegative() || writeTimeout.isZero()) {
      problems.add(PREFIX + "write-timeout must be positive, not " + writeTimeout);
    }
    if (writeQueue.toKilobytes() < 64 || writeQueue.toBytes() > Integer.MAX_VALUE) {
      problems.add(PREFIX + "write-queue must be 64KB to 2GB, not " + writeQueue);
    }
    if (idleTimeout.isNegative()) {
      problems.add(PREFIX + "idle-timeout must not be negative, not " + idleTimeout);
    }
  }
}
