package io.tandem.sip.b2bua;

import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Whether a node is too far behind to take new callers, read from how long its tenants take to take
 * one in: the round trip of each arrival (the call's lane to the tenant's writer and back), which a
 * healthy node does in milliseconds. An arrival slower than {@link #LIMIT} while at least {@link
 * #BUSY} callers are in progress means the writer has a backlog of earlier calls' work or the
 * machine is out of CPU; new callers are then refused (503) until {@link #HOLD} has passed without
 * another, so the node sheds load and catches up instead of queueing callers it cannot serve (each
 * of them streaming music on hold, which deepens the backlog). A nearly idle node's slow arrival (a
 * cold start loading classes) refuses no one. The first arrivals after the hold measure again.
 * Thread-safe.
 */
final class ArrivalLag {

  /** The slowest arrival round trip of a node that keeps up. */
  static final Duration LIMIT = Duration.ofSeconds(1);

  /** How many callers in progress make a slow arrival a sign of overload. */
  static final int BUSY = 20;

  /** How long new callers are refused after an arrival slower than {@link #LIMIT}. */
  static final Duration HOLD = Duration.ofSeconds(2);

  private static final long NEVER = Long.MIN_VALUE;

  private final Clock clock;
  private final IntSupplier callersInProgress;
  private volatile long slowAtMillis = NEVER;

  ArrivalLag(Clock clock, IntSupplier callersInProgress) {
    this.clock = clock;
    this.callersInProgress = callersInProgress;
  }

  /** The moment an arrival was asked of the tenant, to hand to {@link #arrived}. */
  long asked() {
    return clock.millis();
  }

  /** The tenant took in the arrival asked at {@code askedMillis}. */
  void arrived(long askedMillis) {
    long now = clock.millis();
    if (now - askedMillis > LIMIT.toMillis() && callersInProgress.getAsInt() >= BUSY) {
      slowAtMillis = now;
    }
  }

  /** Whether new callers are to be refused now. */
  boolean behind() {
    long slow = slowAtMillis;
    return slow != NEVER && clock.millis() - slow < HOLD.toMillis();
  }
}
