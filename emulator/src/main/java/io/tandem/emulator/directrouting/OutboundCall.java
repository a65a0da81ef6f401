package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.ClientRequest;
import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.IncomingResponse;
import io.tandem.emulator.directrouting.sip.ListenPoint;
import io.tandem.emulator.directrouting.sip.ResponseHandler;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Teams → SBC call (MICROSOFT-CONTRACTS §1.4): an INVITE to each SBC in {@link GatewayOrder}'s
 * order until one answers. A final response listed in the trunk's {@code failoverResponseCodes}
 * (never 603), a transaction timeout, or no ringing (180/183) within {@code failoverTimeSeconds}
 * (that leg is cancelled) moves on to the next SBC; any other final failure ends the call. 200 is
 * acknowledged and media flows; BYE ends it from either side. One Call-ID for every attempt, a new
 * CSeq each. Confined to the Call-ID's serial executor.
 */
final class OutboundCall implements CallLeg, TeamsUserCall, LinkedLeg {

  private final CallServices services;
  private final String callId;
  private final OutboundPlan plan;
  private final OutboundListener listener;
  private final ListenPoint from;
  private final String localTag = Dialog.newTag();
  private final TeamsMedia media;
  private final OutboundRequests requests;
  private final List<String> attempts = new ArrayList<>();
  private volatile OutboundCallState state = OutboundCallState.CALLING;
  private int attempt = -1;
  private long cseq;
  private @Nullable ClientRequest pending;
  private Scheduler.@Nullable Timer failoverTimer;
  private volatile @Nullable Dialog dialog;
  private @Nullable String countedTrunk;

  OutboundCall(CallServices services, String callId, OutboundPlan plan, OutboundListener listener) {
    this.services = services;
    this.callId = callId;
    this.plan = plan;
    this.listener = listener;
    this.from = services.outboundPoint();
    this.media = TeamsMedia.open(services);
    this.requests = new OutboundRequests(services, from, callId, localTag, plan);
  }

  /** Sends the first INVITE. */
  void start() {
    services.dialogs.put(callId, this);
    record(
        "call.outbound",
        Map.of(
            "from", plan.fromNumber(),
            "to", plan.toNumber(),
            "gateways",
                String.join(",", plan.trunks().stream().map(OutboundTrunk::fqdn).toList())));
    nextAttempt();
  }

  private void nextAttempt() {
    uncount();
    attempt++;
    if (attempt >= plan.trunks().size()) {
      fail(attempt == 0 ? 404 : 503);
      return;
    }
    OutboundTrunk trunk = plan.trunks().get(attempt);
    int thisAttempt = attempt;
    countedTrunk = trunk.fqdn();
    services.active.started(trunk.fqdn());
    attempts.add(trunk.fqdn());
    record("call.attempt", Map.of("gateway", trunk.fqdn(), "healthy", "" + trunk.healthy()));
    failoverTimer =
        services.scheduler.schedule(
            Duration.ofSeconds(trunk.gateway().failoverTimeSeconds()),
            () -> services.onCall(callId, () -> abandon(thisAttempt, "timeout")));
    pending =
        services
            .node
            .get()
            .send(
                from,
                requests.invite(trunk, ++cseq, media.offer()),
                new ResponseHandler() {
                  @Override
                  public void onResponse(IncomingResponse response) {
                    answered(thisAttempt, response);
                  }

                  @Override
                  public void onTimeout() {
                    abandon(thisAttempt, "unreachable");
                  }
                });
  }

  private void answered(int which, IncomingResponse response) {
    if (which != attempt || state.isFinal()) {
      if (response.isSuccess() && response.cseqMethod().equals("INVITE")) {
        Dialog stale = dialogOf(response, which);
        acknowledge(stale);
        services.node.get().send(from, stale.request("BYE"), ignored -> {});
      }
      return;
    }
    OutboundTrunk trunk = plan.trunks().get(attempt);
    int status = response.status();
    if (status == 100) {
      return;
    }
    if (status < 200) {
      cancelFailoverTimer();
      if (move(OutboundCallState.RINGING)) {
        record("call.ringing", Map.of("status", "" + status, "gateway", trunk.fqdn()));
      }
      connectMedia(response);
      return;
    }
    cancelFailoverTimer();
    if (response.isSuccess()) {
      dialog = dialogOf(response, which);
      acknowledge(dialog);
      if (move(OutboundCallState.CONNECTED)) {
        connectMedia(response);
        record("call.answered", Map.of("gateway", trunk.fqdn()));
        listener.answered(this);
        if (services.settings.requireSrtp() && !media.secure()) {
          record(
              "sip.violation",
              Map.of("rule", "srtp-required", "gateway", trunk.fqdn(), "status", "" + status));
          hangUp();
        }
      }
    } else if (trunk.failsOverOn(status) && state != OutboundCallState.CANCELLED) {
      record("call.failover", Map.of("gateway", trunk.fqdn(), "status", "" + status));
      if (state == OutboundCallState.RINGING) {
        move(OutboundCallState.CALLING);
      }
      nextAttempt();
    } else {
      fail(status);
    }
  }

  /**
   * Gives up on attempt {@code which}: {@code timeout} when its SBC did not ring in time (its leg
   * is cancelled), {@code unreachable} when the transaction timed out or could not be sent.
   */
  private void abandon(int which, String why) {
    boolean ringing = state == OutboundCallState.RINGING && why.equals("unreachable");
    if (which != attempt || (state != OutboundCallState.CALLING && !ringing)) {
      return;
    }
    cancelFailoverTimer();
    record("call.failover", Map.of("gateway", plan.trunks().get(attempt).fqdn(), "status", why));
    if (pending != null && why.equals("timeout")) {
      pending.cancel();
    }
    if (ringing) {
      move(OutboundCallState.CALLING);
    }
    nextAttempt();
  }

  /** The Teams user hangs up: CANCEL before an answer, BYE after. */
  @Override
  public void hangUp() {
    if (!cancel()) {
      endConnected();
    }
  }

  /**
   * CANCEL with {@code extra} headers (a Reason) while the call is not answered; whether it was
   * cancelled.
   */
  boolean cancel(SipHeader... extra) {
    if (state == OutboundCallState.CALLING || state == OutboundCallState.RINGING) {
      move(OutboundCallState.CANCELLED);
      cancelFailoverTimer();
      if (pending != null) {
        pending.cancel(extra);
      }
      record("call.cancelled", Map.of());
      finish();
      return true;
    }
    return false;
  }

  private void endConnected() {
    if (state == OutboundCallState.CONNECTED && dialog != null) {
      move(OutboundCallState.ENDED);
      services.node.get().send(from, dialog.request("BYE"), ignored -> {});
      finish();
    }
  }

  @Override
  public void onRequest(IncomingRequest request) {
    switch (request.method()) {
      case "BYE" -> {
        request.respond(200, "OK", null, List.of());
        if (move(OutboundCallState.ENDED)) {
          finish();
        }
      }
      case "INVITE" ->
          media.answerReInvite(
              request, List.of(SipHeader.of("Contact", CallServices.contactOf(from))), sdp -> {});
      case "ACK" -> {}
      case "UPDATE", "INFO", "OPTIONS" -> request.respond(200, "OK", null, List.of());
      default ->
          request.respond(
              405, "Method Not Allowed", null, List.of(SipHeader.of("Allow", CallServices.ALLOW)));
    }
  }

  private void fail(int status) {
    if (move(OutboundCallState.FAILED)) {
      record("call.failed", Map.of("status", "" + status));
      finish();
      listener.failed(this, status);
    }
  }

  private void finish() {
    cancelFailoverTimer();
    uncount();
    media.close();
    services.scheduler.schedule(
        Duration.ofSeconds(32), () -> services.dialogs.remove(callId, this));
    record("call.ended", Map.of("state", state.name()));
    if (state == OutboundCallState.ENDED) {
      listener.ended(this);
    }
  }

  private Dialog dialogOf(IncomingResponse response, int which) {
    return requests.dialog(response, plan.trunks().get(which), cseq);
  }

  private void acknowledge(Dialog acknowledged) {
    services.node.get().sendStateless(from, acknowledged.requestWithCseq("ACK", cseq));
  }

  private void connectMedia(IncomingResponse response) {
    Sdp answer = Sdp.parseOrNull(new String(response.body(), StandardCharsets.US_ASCII));
    if (answer != null) {
      media.connect(answer);
    }
  }

  private void cancelFailoverTimer() {
    if (failoverTimer != null) {
      failoverTimer.cancel();
      failoverTimer = null;
    }
  }

  private void uncount() {
    if (countedTrunk != null) {
      services.active.ended(countedTrunk);
      countedTrunk = null;
    }
  }

  private boolean move(OutboundCallState next) {
    if (!state.canMoveTo(next)) {
      return false;
    }
    state = next;
    return true;
  }

  private void record(String kind, Map<String, String> attributes) {
    services.journal.event(Channel.SIP, kind, callId, attributes);
  }

  @Override
  public String callId() {
    return callId;
  }

  @Override
  public @Nullable String teamsUserId() {
    return state == OutboundCallState.CONNECTED ? plan.callerUserId() : null;
  }

  @Override
  public boolean isConnected() {
    return state == OutboundCallState.CONNECTED;
  }

  @Override
  public String remoteNumber() {
    return plan.toNumber();
  }

  /** The Teams side's media of this leg. */
  TeamsMedia media() {
    return media;
  }

  OutboundCallState state() {
    return state;
  }

  /** The SBCs tried so far, in order. */
  /** RTP packets the Teams user's side received on this call so far. */
  long packetsReceived() {
    return media.leg().packetsReceived();
  }

  List<String> attempts() {
    return List.copyOf(attempts);
  }

  @Override
  public @Nullable Dialog dialog() {
    return dialog;
  }
}
