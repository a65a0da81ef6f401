package io.tandem.sip.stack;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The upkeep of an endpoint's TCP and TLS connections, one periodic task on the endpoint's timers
 * (no timer per connection or message): it closes a connection whose write has stayed blocked for
 * the write timeout (the peer stopped reading) and one that carried nothing either way for the idle
 * timeout (keepalive pings count), and it reports the close of a connection this side sent requests
 * on when writes were lost with it (a failed or cut write, messages still queued), so that the
 * transactions waiting on it fail at once (a transport error, RFC 3261 §17.1.4) instead of waiting
 * out Timer B or F.
 *
 * <p>A blocked write is seen by sweeps a second apart, so it is cut between the write timeout and
 * one second more after it began; an idle connection likewise.
 *
 * <p>Threading: {@link #watch} and {@link #closed} from any thread; the sweep on the timer thread,
 * which alone touches what it remembers of each connection.
 */
final class ConnectionSweep {

  /** How often the connections are looked at. */
  static final long SWEEP_MILLIS = 1_000;

  private static final System.Logger LOG = System.getLogger(ConnectionSweep.class.getName());

  /** What the sweep last saw of one connection. */
  private static final class Seen {
    long activity;
    long quietSince;
    int writes;
    long blockedSince = -1;

    Seen(long activity, long now) {
      this.activity = activity;
      this.quietSince = now;
    }
  }

  private final StackTimers timers;
  private final long writeTimeoutMillis;
  private final long idleTimeoutMillis;
  private final Consumer<Flow> requestFlowClosed;
  private final Map<StreamConnection, Seen> connections = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  /**
   * Sweeps every {@link #SWEEP_MILLIS} on {@code timers} within {@code limits}; {@code
   * requestFlowClosed} hears of each closed connection that carried this side's requests and lost
   * writes.
   */
  ConnectionSweep(StackTimers timers, ConnectionLimits limits, Consumer<Flow> requestFlowClosed) {
    this.timers = timers;
    this.writeTimeoutMillis = limits.writeTimeout().toMillis();
    this.idleTimeoutMillis = limits.idleTimeout().toMillis();
    this.requestFlowClosed = requestFlowClosed;
    timers.after(SWEEP_MILLIS, this::sweep);
  }

  /** Watches an open connection until {@link #closed}. */
  void watch(StreamConnection connection) {
    connections.put(connection, new Seen(connection.activity(), timers.nowMillis()));
  }

  /**
   * {@code connection} has closed: forgotten, and reported if it carried requests and lost writes.
   * A connection closed with everything written is not reported: the peer may still answer on a new
   * connection (RFC 3261 §18.2.2), and Timers B and F stand.
   */
  void closed(StreamConnection connection) {
    connections.remove(connection);
    if (connection.carriesRequests() && connection.lostWrites()) {
      requestFlowClosed.accept(connection);
    }
  }

  /** Ends the sweeps (the endpoint closes). */
  void stop() {
    stopped = true;
  }

  /** How many connections are watched (tests). */
  int watched() {
    return connections.size();
  }

  private void sweep() {
    if (stopped) {
      return;
    }
    long now = timers.nowMillis();
    for (Map.Entry<StreamConnection, Seen> entry : connections.entrySet()) {
      try {
        check(entry.getKey(), entry.getValue(), now);
      } catch (RuntimeException failed) {
        LOG.log(Level.WARNING, "sweeping " + entry.getKey() + " failed", failed);
      }
    }
    timers.after(SWEEP_MILLIS, this::sweep);
  }

  private void check(StreamConnection connection, Seen seen, long now) {
    int writes = connection.writesDone();
    if (!connection.writing()) {
      seen.blockedSince = -1;
    } else if (seen.blockedSince < 0 || writes != seen.writes) {
      seen.blockedSince = now;
    } else if (now - seen.blockedSince >= writeTimeoutMillis) {
      LOG.log(
          Level.WARNING,
          "closing {0}: a write blocked for {1} ms (the peer reads nothing)",
          connection,
          now - seen.blockedSince);
      connection.abort(true);
      return;
    }
    seen.writes = writes;
    long activity = connection.activity();
    if (activity != seen.activity) {
      seen.activity = activity;
      seen.quietSince = now;
    } else if (idleTimeoutMillis > 0 && now - seen.quietSince >= idleTimeoutMillis) {
      LOG.log(Level.DEBUG, "closing {0}: idle for {1} ms", connection, now - seen.quietSince);
      connection.abort(false);
    }
  }
}
