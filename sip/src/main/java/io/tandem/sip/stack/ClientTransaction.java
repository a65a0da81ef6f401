package io.tandem.sip.stack;

import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client side of one transaction (RFC 3261 §17.1, RFC 6026): sends the request, retransmits it
 * over UDP (Timer A for INVITE, E otherwise) until a response, gives up after 64·T1 without one
 * (Timers B, F), ACKs a non-2xx final response to INVITE itself (and again for each retransmission,
 * Timer D), and hands the first final response and the provisional ones to its {@link Outcome}. A
 * later 2xx to INVITE (retransmitted or from another fork) is the dialog's: a stray response.
 *
 * <p>Threading: the sending lane, the receiving threads and the timer thread meet here; every
 * method holds the transaction's lock, sends included.
 */
final class ClientTransaction implements Lingering.Lingerer {

  private static final System.Logger LOG = System.getLogger(ClientTransaction.class.getName());

  enum State {
    /** Sent, no response yet (INVITE: Calling; others: Trying). */
    CALLING,
    /** A provisional response came. */
    PROCEEDING,
    /** A final response came; retransmissions of it are absorbed. */
    COMPLETED,
    TERMINATED
  }

  /** Where the transaction's results go (the endpoint hands them to the call's lane). */
  interface Outcome {
    void response(SipMessage response);

    void timeout();

    /** A response the transaction no longer wants: a 2xx after the final response. */
    void stray(SipMessage response);

    /** Where a finished non-INVITE transaction's results go: nowhere. */
    Outcome NONE =
        new Outcome() {
          @Override
          public void response(SipMessage response) {}

          @Override
          public void timeout() {}

          @Override
          public void stray(SipMessage response) {}
        };
  }

  private final String key;
  private final boolean invite;
  private @Nullable SentRequest request; // a non-INVITE's is dropped with its final response
  private final Flow flow;
  private final StackTimers timers;
  private final TransactionTable table;
  private Outcome outcome; // a non-INVITE's is dropped with its final response
  private State state = State.CALLING;
  private StackTimers.Pending retransmit = StackTimers.Pending.NONE;
  private StackTimers.Pending end = StackTimers.Pending.NONE;
  private boolean cancelled;

  ClientTransaction(
      SentRequest request, Flow flow, StackTimers timers, TransactionTable table, Outcome outcome) {
    this.key = TransactionTable.clientKey(request.branch(), request.method());
    this.invite = request.method().equals("INVITE");
    this.request = request;
    this.flow = flow;
    this.timers = timers;
    this.table = table;
    this.outcome = outcome;
  }

  String key() {
    return key;
  }

  private boolean invite() {
    return invite;
  }

  /** Sends the request and starts its timers; throws when the flow cannot send it. */
  synchronized void start() throws IOException {
    table.addClient(this);
    try {
      flow.send(Objects.requireNonNull(request).bytes());
    } catch (IOException failed) {
      state = State.TERMINATED;
      table.remove(this);
      throw failed;
    }
    if (flow.transport() == Transport.UDP) {
      retransmit = timers.after(StackTimers.T1, () -> resendRequest(StackTimers.T1));
    }
    end = timers.after(StackTimers.TIMEOUT, this::timedOut);
  }

  /** Timers A and E: the request again at doubling intervals (non-INVITE: at most T2). */
  private synchronized void resendRequest(long interval) {
    boolean waiting = state == State.CALLING || (state == State.PROCEEDING && !invite());
    SentRequest unanswered = request;
    if (!waiting || unanswered == null) {
      return;
    }
    try {
      flow.send(unanswered.bytes());
    } catch (IOException failed) {
      LOG.log(System.Logger.Level.DEBUG, "{0} not resent: {1}", key, failed);
    }
    long next;
    if (invite()) {
      next = interval * 2;
    } else {
      next = state == State.PROCEEDING ? StackTimers.T2 : Math.min(interval * 2, StackTimers.T2);
    }
    retransmit = timers.after(next, () -> resendRequest(next));
  }

  /** Timers B and F: no final response in 64·T1 (an INVITE only while nothing answered it). */
  private void timedOut() {
    giveUp(false);
  }

  /**
   * Ends the transaction as timed out if it still waits for its final response ({@code
   * cancelledInvite}: a cancelled INVITE, also when provisionally answered, RFC 3261 §9.1).
   */
  private void giveUp(boolean cancelledInvite) {
    Outcome told;
    synchronized (this) {
      boolean unanswered =
          state == State.CALLING || (state == State.PROCEEDING && (cancelledInvite || !invite()));
      if (!unanswered) {
        return;
      }
      told = outcome;
      terminate();
    }
    told.timeout();
  }

  /**
   * The connection {@code closed} has closed: if it is this transaction's and no final response
   * came, the transaction fails as on a transport error (RFC 3261 §17.1.4), also a provisionally
   * answered INVITE.
   */
  void onFlowClosed(Flow closed) {
    if (closed == flow) {
      giveUp(true);
    }
  }

  /** A response matching this transaction. */
  void onResponse(SipMessage response) {
    Runnable delivery;
    synchronized (this) {
      delivery = deliveryOf(response);
    }
    if (delivery != null) {
      delivery.run();
    }
  }

  private @Nullable Runnable deliveryOf(SipMessage response) {
    Outcome told = outcome;
    int status = response.status();
    if (state == State.COMPLETED || state == State.TERMINATED) {
      if (invite() && status >= 300) {
        sendAck(response);
        return null;
      }
      return invite() && status >= 200 && status < 300 ? () -> told.stray(response) : null;
    }
    if (status < 200) {
      if (state == State.CALLING) {
        state = State.PROCEEDING;
        if (invite()) {
          retransmit.cancel();
        }
      }
      return () -> told.response(response);
    }
    retransmit.cancel();
    end.cancel();
    if (invite() && status < 300) {
      terminate();
    } else {
      state = State.COMPLETED;
      if (invite()) {
        sendAck(response);
      }
      if (!invite()) {
        outcome = Outcome.NONE; // nothing more to tell or send: retransmissions are only absorbed
        request = null;
      }
      boolean reliable = flow.transport() != Transport.UDP;
      long linger = reliable ? 0 : invite() ? StackTimers.TIMEOUT : StackTimers.T4;
      table.endAfter(linger, this);
    }
    return () -> told.response(response);
  }

  @Override
  public synchronized void lingered() {
    terminate();
  }

  private void terminate() {
    state = State.TERMINATED;
    retransmit.cancel();
    end.cancel();
    table.remove(this);
  }

  /** The ACK of a non-2xx final response: part of this transaction (RFC 3261 §17.1.1.3). */
  private void sendAck(SipMessage response) {
    try {
      flow.send(Objects.requireNonNull(request).ackFor(response.first("To").orElse("")));
    } catch (IOException failed) {
      LOG.log(System.Logger.Level.DEBUG, "ACK of {0} not sent: {1}", key, failed);
    }
  }

  /**
   * Sends CANCEL for an INVITE that has no final response yet (RFC 3261 §9.1), once; {@code
   * cancelling} runs the CANCEL's own transaction.
   */
  void cancel(java.util.function.Consumer<SentRequest> cancelling) {
    SentRequest cancel;
    synchronized (this) {
      if (!invite() || cancelled || (state != State.CALLING && state != State.PROCEEDING)) {
        return;
      }
      cancelled = true;
      cancel = Objects.requireNonNull(request).cancel();
      end.cancel();
      end = timers.after(StackTimers.TIMEOUT, () -> giveUp(true));
    }
    cancelling.accept(cancel);
  }
}
