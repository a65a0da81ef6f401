package io.tandem.sip.stack;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The safety net under server transactions the application never answers, one scan of the live
 * server transactions every {@link #SWEEP_MILLIS} (no timer per transaction):
 *
 * <ul>
 *   <li>a non-INVITE request without a final response after 64·T1 ({@link
 *       #NON_INVITE_LIMIT_MILLIS}) leaves the table unanswered: its client gave up then (Timer F),
 *       so a response would reach nobody, and RFC 4320 §4.1 forbids the 408 that would say so;
 *   <li>an INVITE without a final response after {@link #INVITE_LIMIT_MILLIS} (a proxy's Timer C,
 *       more than 3 minutes, RFC 3261 §16.6, plus 64·T1 for the CANCEL a proxy then sends) is
 *       answered {@code 408 Request Timeout}, what a proxy whose Timer C fires reports upstream
 *       (RFC 3261 §16.8); the transaction then ends as any rejected INVITE's (its ACK, Timers G,
 *       H).
 * </ul>
 *
 * A request is so caught between its limit and one sweep later. Each is logged at WARNING: the
 * application lost a request.
 *
 * <p>Threading: the scan runs on the timer thread and takes each old transaction's lock; an answer
 * the application sends meanwhile wins or loses that lock, never both.
 */
final class UnansweredRequests {

  /** How often the live server transactions are scanned: T2. */
  static final long SWEEP_MILLIS = StackTimers.T2;

  /** How long a non-INVITE request may wait for its final response: 64·T1. */
  static final long NON_INVITE_LIMIT_MILLIS = StackTimers.TIMEOUT;

  /** How long an INVITE may wait for its final response: 3 minutes plus 64·T1. */
  static final long INVITE_LIMIT_MILLIS = 180_000 + StackTimers.TIMEOUT;

  private static final System.Logger LOG = System.getLogger(UnansweredRequests.class.getName());

  private final StackTimers timers;
  private final Collection<ServerTransaction> live;

  /** Scans {@code live} (a view of the table's server transactions) on {@code timers}. */
  UnansweredRequests(StackTimers timers, Collection<ServerTransaction> live) {
    this.timers = timers;
    this.live = live;
    timers.after(SWEEP_MILLIS, this::sweep);
  }

  private void sweep() {
    long now = timers.nowMillis();
    for (ServerTransaction transaction : live) {
      long waited = now - transaction.started();
      try {
        if (transaction.invite() && waited >= INVITE_LIMIT_MILLIS) {
          answerTimedOut(transaction, waited);
        } else if (!transaction.invite()
            && waited >= NON_INVITE_LIMIT_MILLIS
            && transaction.forgetUnanswered()) {
          LOG.log(Level.WARNING, "{0} unanswered for {1} ms: forgotten", transaction.key(), waited);
        }
      } catch (RuntimeException failed) {
        LOG.log(Level.WARNING, "checking " + transaction.key() + " failed", failed);
      }
    }
    timers.after(SWEEP_MILLIS, this::sweep);
  }

  private static void answerTimedOut(ServerTransaction transaction, long waited) {
    InboundRequest invite = transaction.unansweredInvite();
    if (invite == null) {
      if (transaction.forgetUnanswered()) {
        LOG.log(Level.WARNING, "{0} unanswered for {1} ms: forgotten", transaction.key(), waited);
      }
      return;
    }
    LOG.log(Level.WARNING, "INVITE {0} unanswered for {1} ms: 408", invite.callId(), waited);
    invite.respond(
        408,
        "Request Timeout",
        Long.toHexString(ThreadLocalRandom.current().nextLong()),
        List.of(SipHeader.of("Warning", "399 tandem \"no final response in time\"")));
  }
}
