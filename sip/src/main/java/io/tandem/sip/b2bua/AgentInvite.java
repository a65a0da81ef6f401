package io.tandem.sip.b2bua;

import io.tandem.sip.stack.ClientRequest;
import io.tandem.sip.stack.InboundResponse;
import io.tandem.sip.stack.OutboundRequest;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import java.util.function.Supplier;

/**
 * The INVITE of an outgoing leg through its next hops in failover order (a Direct Routing trunk's
 * proxies; a carrier's gateway alone): the next proxy on 408, 503, 504, a transport failure or no
 * response at all within the trunk's failover time, never once a Teams endpoint rings and never
 * after 603; CANCEL only after a provisional response (RFC 3261 §9.1); a 2xx of an INVITE Tandem
 * has moved on from (another proxy, a fork, a CANCEL that crossed it) is ACKed and hung up. Runs on
 * the call's lane.
 */
final class AgentInvite {

  private static final System.Logger LOG = System.getLogger(AgentInvite.class.getName());

  /** What the INVITE came to; each runs at most once, except {@link #ringing}. */
  interface Outcome {
    /** A Teams endpoint rings (180/183). */
    void ringing();

    /** A 2xx, already ACKed; {@link #dialog()} is confirmed. */
    void answered(InboundResponse response);

    /** Refused, or no proxy answered (408); {@code status} is the final status. */
    void failed(int status);

    /** The CANCEL took effect (487 or the transaction's end). */
    void cancelled();
  }

  private final ConnectContext context;
  private final String lane;
  private final String callId;
  private final String localTag;
  private final LegAddress address;
  private final ProxyFailover proxies;
  private final Supplier<String> offer;
  private final Outcome outcome;
  private Dialog dialog;
  private long inviteCseq;
  private boolean provisional;
  private boolean ringing;
  private boolean cancelling;
  private boolean cancelWhenProvisional;
  private boolean done;
  private ClientRequest invite = ClientRequest.NONE;

  AgentInvite(
      ConnectContext context,
      String lane,
      String callId,
      LegAddress address,
      ProxyFailover proxies,
      Supplier<String> offer,
      Outcome outcome) {
    this.context = context;
    this.lane = lane;
    this.callId = callId;
    this.localTag = ContextIds.tag();
    this.address = address;
    this.proxies = proxies;
    this.offer = offer;
    this.outcome = outcome;
    this.dialog = address.dialog(callId, localTag, proxies.current());
  }

  /** The dialog with the proxy tried now; confirmed once answered. */
  Dialog dialog() {
    return dialog;
  }

  /** Sends the INVITE to the first proxy. */
  void send() {
    DirectRoutingTrunk.Proxy target = proxies.current();
    OutboundRequest sent = address.invite(dialog, offer.get());
    inviteCseq = dialog.localCseq();
    provisional = false;
    long cseq = inviteCseq;
    invite =
        context
            .endpoint()
            .send(
                dialog.via(),
                sent,
                new LaneResponses(
                    context, lane, response -> response(cseq, response), () -> timeout(cseq)));
    proxies.arm(context, lane, () -> noResponse(cseq, target.fqdn()));
  }

  /** Tandem gives up on the INVITE: CANCEL now, or once a provisional response came. */
  void cancel() {
    if (done || cancelling) {
      return;
    }
    cancelling = true;
    proxies.disarm();
    if (provisional) {
      invite.cancel();
    } else {
      cancelWhenProvisional = true;
    }
  }

  /**
   * A 2xx of this INVITE that came after the answer: the answer again (same To-tag) is ACKed again;
   * another fork's answer (RFC 3261 §13.2.2.4: a proxy may fork and several branches answer) is
   * ACKed and ended with BYE, so the other endpoint does not keep a call nobody hears.
   */
  void lateSuccess(InboundResponse response) {
    if (response.toTag().equals(dialog.remoteTag())) {
      context.endpoint().sendStateless(dialog.via(), dialog.ack(inviteCseq));
    } else {
      ackAndBye(response, inviteCseq);
    }
  }

  private void noResponse(long cseq, String fqdn) {
    if (cseq == inviteCseq && !done && !cancelling && !provisional) {
      LOG.log(System.Logger.Level.INFO, "no answer from {0} for call {1}", fqdn, callId);
      invite.cancel();
      failOver(408);
    }
  }

  private void failOver(int status) {
    proxies.disarm();
    if (!ringing && proxies.advance()) {
      long tried = dialog.localCseq();
      dialog = address.dialog(callId, localTag, proxies.current());
      dialog.countOnFrom(tried); // the retry's CSeq tells its responses from the last one's
      send();
    } else {
      fail(status);
    }
  }

  private void response(long cseq, InboundResponse response) {
    if (cseq != inviteCseq) {
      if (response.isSuccess()) {
        ackAndBye(response, cseq); // the proxy given up on forwarded it after all
      }
      return;
    }
    if (response.isProvisional()) {
      provisional(response);
    } else if (response.isSuccess()) {
      success(response);
    } else {
      failure(response.status());
    }
  }

  private void provisional(InboundResponse response) {
    provisional = true;
    if (response.status() != 100 && !cancelling && !done) {
      proxies.disarm();
      ringing = true;
      outcome.ringing();
    }
    if (cancelWhenProvisional) {
      cancelWhenProvisional = false;
      invite.cancel();
    }
  }

  private void success(InboundResponse response) {
    proxies.disarm();
    if (done && !cancelling) {
      lateSuccess(response);
      return;
    }
    if (done || cancelling) {
      ackAndBye(response, inviteCseq);
      return;
    }
    done = true;
    dialog.confirm(response);
    context.endpoint().sendStateless(dialog.via(), dialog.ack(inviteCseq));
    outcome.answered(response);
  }

  private void failure(int status) {
    if (cancelling) {
      cancelled();
    } else if (!done && ProxyFailover.failsOver(status)) {
      failOver(status);
    } else {
      fail(status);
    }
  }

  private void timeout(long cseq) {
    if (cseq != inviteCseq) {
      return;
    }
    if (cancelling) {
      cancelled();
    } else if (!done) {
      failOver(408);
    }
  }

  private void fail(int status) {
    if (!done) {
      done = true;
      proxies.disarm();
      outcome.failed(status);
    }
  }

  private void cancelled() {
    if (!done) {
      done = true;
      outcome.cancelled();
    }
  }

  /**
   * A 2xx to the INVITE numbered {@code cseq} that Tandem no longer wants (cancel raced the answer,
   * another fork, a proxy failed over from): ACK, then BYE.
   */
  private void ackAndBye(InboundResponse response, long cseq) {
    Dialog late = address.dialog(callId, localTag, proxies.current());
    late.countOnFrom(cseq);
    late.confirm(response);
    context.endpoint().sendStateless(late.via(), late.ack(cseq));
    context.endpoint().send(late.via(), late.request("BYE"), SipConstants.IGNORE);
    if (cancelling) {
      cancelled();
    }
  }
}
