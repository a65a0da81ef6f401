package io.tandem.sip.stack;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The server side of one transaction (RFC 3261 §17.2, RFC 6026): remembers the latest response so a
 * retransmitted request gets it again (not a 2xx to INVITE: the INVITE's retransmissions are then
 * absorbed, the 2xx's are the dialog's), retransmits a non-2xx final response to INVITE over UDP
 * until the ACK (Timers G, H), absorbs that ACK, and stays to absorb retransmissions for a while
 * after its final response (Timers I, J, and 64·T1 after a 2xx to INVITE) before it leaves the
 * table.
 *
 * <p>Threading: the receiving threads, the timer thread and the lane answering the request meet
 * here; every method holds the transaction's lock, sends included (they do not block for long).
 */
final class ServerTransaction implements Lingering.Lingerer {

  private static final System.Logger LOG = System.getLogger(ServerTransaction.class.getName());

  enum State {
    /** No final response yet. */
    PROCEEDING,
    /** A 2xx answered the INVITE; its retransmissions are the dialog's (RFC 6026). */
    ACCEPTED,
    /** A final response sent; a non-2xx to INVITE waits for its ACK. */
    COMPLETED,
    /** The ACK of a non-2xx final response came. */
    CONFIRMED,
    TERMINATED
  }

  private final String key;
  private final boolean invite;
  private @Nullable Flow flow; // dropped once nothing more is sent
  private final StackTimers timers;
  private final TransactionTable table;
  private final long started;
  private State state = State.PROCEEDING;
  private @Nullable InboundRequest unanswered;
  private static final byte[] NOTHING = new byte[0];

  private byte[] lastResponse = NOTHING;
  private StackTimers.Pending retransmit = StackTimers.Pending.NONE;

  ServerTransaction(
      String key, boolean invite, Flow flow, StackTimers timers, TransactionTable table) {
    this.key = key;
    this.invite = invite;
    this.flow = flow;
    this.timers = timers;
    this.table = table;
    this.started = timers.nowMillis();
  }

  String key() {
    return key;
  }

  /**
   * Sends {@code response} ({@code status}) for this transaction; a second final response is
   * refused with {@link IllegalStateException}.
   */
  synchronized void respond(byte[] response, int status) throws IOException {
    Flow answering = flow;
    if (state != State.PROCEEDING || answering == null) {
      throw new IllegalStateException("the request of " + key + " was already answered");
    }
    lastResponse = response;
    if (status >= 200) {
      finish(status, answering.transport() != Transport.UDP);
    }
    answering.send(response);
  }

  private void finish(int status, boolean reliable) {
    unanswered = null;
    if (invite && status < 300) {
      state = State.ACCEPTED;
      lastResponse = NOTHING; // its retransmissions are the dialog's: the request's are absorbed
      flow = null;
      table.endAfter(StackTimers.TIMEOUT, this);
    } else if (invite) {
      state = State.COMPLETED;
      if (!reliable) {
        retransmit = timers.after(StackTimers.T1, () -> retransmitFinal(StackTimers.T1));
      }
      table.endAfter(StackTimers.TIMEOUT, this);
    } else {
      state = State.COMPLETED;
      table.endAfter(reliable ? 0 : StackTimers.TIMEOUT, this);
    }
  }

  /** When the request arrived, in the timers' time. */
  long started() {
    return started;
  }

  boolean invite() {
    return invite;
  }

  /** Keeps an INVITE while it waits for its final response, for {@link UnansweredRequests}. */
  synchronized void awaitAnswer(InboundRequest request) {
    if (invite && state == State.PROCEEDING) {
      unanswered = request;
    }
  }

  /** The INVITE still waiting for its final response; null once answered (or not an INVITE). */
  synchronized @Nullable InboundRequest unansweredInvite() {
    return state == State.PROCEEDING ? unanswered : null;
  }

  /** Leaves the table if no final response was sent; whether it did. */
  synchronized boolean forgetUnanswered() {
    if (state != State.PROCEEDING) {
      return false;
    }
    terminate();
    return true;
  }

  /** Timer G: the non-2xx final response again, at doubling intervals up to T2. */
  private synchronized void retransmitFinal(long interval) {
    if (state != State.COMPLETED) {
      return;
    }
    resend();
    long next = Math.min(interval * 2, StackTimers.T2);
    retransmit = timers.after(next, () -> retransmitFinal(next));
  }

  /** The request came again: the latest response goes again (none yet: nothing). */
  synchronized void onRetransmission() {
    if (state != State.TERMINATED && state != State.CONFIRMED && lastResponse.length > 0) {
      resend();
    }
  }

  /**
   * An ACK with this transaction's branch: absorbed (true) when it acknowledges a non-2xx final
   * response; otherwise the dialog's (false).
   */
  synchronized boolean onAck() {
    if (!invite) {
      return false;
    }
    if (state == State.COMPLETED) {
      state = State.CONFIRMED;
      retransmit.cancel();
      boolean udp = flow != null && flow.transport() == Transport.UDP;
      flow = null;
      lastResponse = NOTHING;
      table.endAfter(udp ? StackTimers.T4 : 0, this);
      return true;
    }
    return state == State.CONFIRMED;
  }

  private void resend() {
    Flow answering = flow;
    if (answering == null) {
      return;
    }
    try {
      answering.send(lastResponse);
    } catch (IOException failed) {
      LOG.log(System.Logger.Level.DEBUG, "response of {0} not resent: {1}", key, failed);
    }
  }

  @Override
  public void lingered() {
    terminate();
  }

  private synchronized void terminate() {
    state = State.TERMINATED;
    retransmit.cancel();
    flow = null;
    lastResponse = NOTHING;
    table.remove(this);
  }
}
