package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.IncomingResponse;
import io.tandem.emulator.directrouting.sip.OutgoingRequest;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.ClientBehaviour;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An SBC → Teams user call at the emulated proxy: 100 Trying, one 180 per ringing endpoint (each
 * its own To-tag), one 183 with the Media Processor's SDP, then what the user's scripted client
 * does ({@link TeamsParty}): 200 OK (media flows), 603 Decline, 486 Busy Here, or ringing until
 * CANCEL (487) or the ring timeout (480); a forwarded call first gets 181 ({@link Forwarding}).
 * Connected, it answers re-INVITEs (hold/unhold) and BYE, hangs up with BYE and hands the user's
 * transfers to {@link Transfers}; an SBC that supports session timers must refresh the session
 * ({@link SessionExpiry}). The 200 is retransmitted until the SBC's ACK, and a call whose ACK never
 * comes ends with BYE ({@link OkRetransmission}, RFC 3261 §13.3.1.4). A user with simultaneous ring
 * has a second branch to the PSTN ({@link SimultaneousRing}): the first answer wins, and the call
 * fails only when both branches failed (with the Teams client's rejection). Confined to its
 * Call-ID's serial executor.
 */
final class InboundCall implements CallLeg, TeamsUserCall {

  private final CallServices services;
  private final IncomingRequest invite;
  private final InboundTarget target;
  private final InviteAnswers answers;
  private final Dialog dialog;
  private final TeamsMedia media;
  private final Transfers transfers;
  private final Parties parties = new Parties();
  private @Nullable LinkedLeg linked;
  private Scheduler.@Nullable Timer ringTimer;
  private @Nullable SessionExpiry sessionExpiry;
  private @Nullable OkRetransmission okRetransmission;
  private @Nullable SimultaneousRing simultaneousRing;
  private @Nullable Rejection teamsRejection;
  private volatile InboundCallState state = InboundCallState.TRYING;

  InboundCall(CallServices services, IncomingRequest invite, InboundTarget target) {
    this.services = services;
    this.invite = invite;
    this.target = target;
    this.answers = new InviteAnswers(services, invite);
    this.dialog = Dialog.answering(invite, answers.answeringTag());
    this.media = TeamsMedia.open(services);
    this.media.runIce(services, invite.callId(), this::record, this::iceFailed);
    this.transfers = new Transfers(services, this);
  }

  /** Starts the call: counts it, rings the user's Teams client. */
  void start() {
    services.dialogs.put(invite.callId(), this);
    services.active.started(target.gateway().fqdn());
    services.declines.checkRetry(invite.callId(), target.callerNumber(), target.callee().id());
    record("call.offered", Map.of("user", target.callee().id(), "tenant", target.tenant().id()));
    Forwarding.Target where = Forwarding.resolve(services.world, target.tenant(), target.callee());
    if (where.forwarded()) {
      answers.forwarding();
    }
    if (where.user() != null) {
      parties.current(TeamsParty.ring(services, this, where.user()));
      ClientBehaviour client = where.user().client();
      if (client != null && client.simultaneousRingTo() != null) {
        simultaneousRing =
            SimultaneousRing.start(
                services, this, where.user(), where.hops(), client.simultaneousRingTo());
        linked = simultaneousRing;
      }
    } else {
      linked = ForwardedCall.start(services, this, where);
    }
  }

  /** The leg Teams forwarded the call to answered (from {@link ForwardedCall}). */
  void answerForwarded() {
    answered(Map.of("forwardedTo", "pstn"));
  }

  /** The Teams side ended the connected call: BYE to the SBC. */
  void endFromTeams() {
    if (state.isEstablished() && move(InboundCallState.ENDED)) {
      sendInDialog("BYE", response -> {});
      finish();
    }
  }

  // --- the Teams side (TeamsParty moved these onto the call's executor)

  void ring() {
    if (!move(InboundCallState.RINGING)) {
      return;
    }
    ringTimer =
        services.scheduler.schedule(
            services.settings.ringTimeout(), () -> services.onCall(callId(), this::ringTimedOut));
    answers.ringing(media.answer(target.offer()));
  }

  void answer(TeamsParty who) {
    if (parties.isPending(who)) {
      transfers.targetAnswered(who);
      return;
    }
    if (answered(Map.of("user", who.user().id())) && simultaneousRing != null) {
      simultaneousRing.answeredElsewhere();
      record("call.branchCancelled", Map.of("branch", "pstn", "to", simultaneousRing.number()));
      simultaneousRing = null;
      linked = null;
    }
  }

  /**
   * The simultaneous-ring branch answered: the Teams client stops ringing and the call is the
   * branch's; false when the call was answered or ended already (the branch then hangs up).
   */
  boolean answerSimultaneousRing(SimultaneousRing branch) {
    if (branch != simultaneousRing || state.isEstablished() || state.isFinal()) {
      return false;
    }
    parties.cancel();
    record("call.branchCancelled", Map.of("branch", "teams"));
    return answered(Map.of("answeredBy", "simultaneousRing", "to", branch.number()));
  }

  /** The simultaneous-ring branch failed: the call fails if the Teams client failed already. */
  void simultaneousRingFailed(SimultaneousRing branch, int status) {
    if (branch != simultaneousRing) {
      return;
    }
    simultaneousRing = null;
    linked = null;
    record("call.branchFailed", Map.of("branch", "pstn", "status", Integer.toString(status)));
    if (teamsRejection != null) {
      fail(teamsRejection);
    }
  }

  /**
   * The Teams client failed with {@code rejection}: the call fails, unless the simultaneous-ring
   * branch still rings, which then decides.
   */
  private void teamsFailed(Rejection rejection) {
    if (simultaneousRing != null && !state.isFinal()) {
      teamsRejection = rejection;
      record(
          "call.branchFailed",
          Map.of("branch", "teams", "status", Integer.toString(rejection.status())));
      return;
    }
    fail(rejection);
  }

  private boolean answered(Map<String, String> who) {
    if (!move(InboundCallState.ANSWERED)) {
      return false;
    }
    cancelRingTimer();
    OkRetransmission retransmission =
        OkRetransmission.schedule(
            services.scheduler, task -> services.onCall(callId(), task), this::ackTimedOut);
    okRetransmission = retransmission;
    retransmission.sent(answers.ok(media.answer(target.offer())));
    if (sbcSupportsTimer()) {
      SessionExpiry expiry =
          new SessionExpiry(
              services.scheduler,
              services.settings.sessionExpires(),
              () -> services.onCall(callId(), this::sessionExpired));
      sessionExpiry = expiry;
      expiry.refreshed();
    }
    media.connect(target.offer());
    media.leg().onDigit(digit -> record("dtmf.received", Map.of("digit", String.valueOf(digit))));
    record("call.answered", who);
    return true;
  }

  /**
   * 64×T1 passed since the 200 without an ACK (RFC 3261 §13.3.1.4): the dialog is confirmed but the
   * session ends with BYE.
   */
  private void ackTimedOut() {
    if (state == InboundCallState.ANSWERED && move(InboundCallState.ENDED)) {
      record("call.ackTimeout", Map.of("after", OkRetransmission.ACK_TIMEOUT.toString()));
      sendInDialog("BYE", response -> {});
      parties.remoteHangUp();
      if (linked != null) {
        linked.hangUp();
      }
      transfers.abandon();
      finish();
    }
  }

  /**
   * The Teams client's connectivity checks to the SBC failed (media bypass): no media can flow, so
   * the call ends with BYE and a Reason (the emulator's choice; Microsoft documents none).
   */
  private void iceFailed(String reason) {
    if (state.isEstablished() && move(InboundCallState.ENDED)) {
      sendInDialog(
          "BYE",
          response -> {},
          SipHeader.of("Reason", "SIP;cause=488;text=\"ICE connectivity checks failed\""));
      parties.remoteHangUp();
      if (linked != null) {
        linked.hangUp();
      }
      transfers.abandon();
      finish();
    }
  }

  /** No refresh from the SBC before the session's deadline: BYE, as Microsoft ends it. */
  private void sessionExpired() {
    if (state.isEstablished() && move(InboundCallState.ENDED)) {
      record("call.sessionExpired", Map.of());
      sendInDialog(
          "BYE", response -> {}, SipHeader.of("Reason", "SIP;cause=408;text=\"Session expired\""));
      parties.remoteHangUp();
      if (linked != null) {
        linked.hangUp();
      }
      finish();
    }
  }

  private boolean sbcSupportsTimer() {
    return String.join(",", invite.headerValues("Supported")).toLowerCase().contains("timer");
  }

  /** A re-INVITE or UPDATE from the SBC refreshes the session (RFC 4028 §10). */
  private void refreshedBySbc() {
    if (sessionExpiry != null && state.isEstablished()) {
      sessionExpiry.refreshed();
      record("call.sessionRefreshed", Map.of());
    }
  }

  void declined(TeamsParty who) {
    if (parties.isPending(who)) {
      transfers.targetFailed(603);
      return;
    }
    services.declines.declined(target.callerNumber(), target.callee().id());
    teamsFailed(Rejection.of(603, "Decline", 0, "The Teams user declined the call").withQ850(21));
  }

  void busy(TeamsParty who) {
    if (parties.isPending(who)) {
      transfers.targetFailed(486);
      return;
    }
    teamsFailed(Rejection.of(486, "Busy Here", 0, "The Teams user is busy").withQ850(17));
  }

  void teamsHungUp(TeamsParty who) {
    if (parties.isCurrent(who)) {
      endFromTeams();
    }
  }

  void transferRequested(TeamsParty who, String transferTarget) {
    if (parties.isCurrent(who) && state.isEstablished()) {
      transfers.transfer(who.user(), transferTarget);
    }
  }

  private void ringTimedOut() {
    if (state != InboundCallState.RINGING) {
      return;
    }
    parties.cancel();
    if (linked != null) {
      linked.hangUp();
    }
    fail(
        Rejection.of(
                480,
                "Temporarily Unavailable",
                0,
                "The Teams user did not answer within the ring timeout")
            .withQ850(19));
  }

  /** Answers the INVITE with a final failure. */
  void fail(Rejection rejection) {
    if (!move(InboundCallState.FAILED)) {
      return;
    }
    answers.fail(rejection);
    finish();
  }

  // --- the SBC side

  @Override
  public void onRequest(IncomingRequest request) {
    switch (request.method()) {
      case "ACK" -> {
        if (okRetransmission != null) {
          okRetransmission.acknowledged();
        }
        if (move(InboundCallState.CONNECTED)) {
          record("call.connected", Map.of());
        }
      }
      case "CANCEL" -> {
        request.respond(200, "OK", null, List.of());
        if (state == InboundCallState.RINGING || state == InboundCallState.TRYING) {
          parties.cancel();
          if (linked != null) {
            linked.hangUp();
          }
          fail(Rejection.of(487, "Request Terminated", 0, "The SBC cancelled the call"));
        }
      }
      case "BYE" -> {
        request.respond(200, "OK", null, List.of());
        if (move(InboundCallState.ENDED)) {
          parties.remoteHangUp();
          if (linked != null) {
            linked.hangUp();
          }
          transfers.abandon();
          finish();
        }
      }
      case "INVITE" -> {
        refreshedBySbc();
        media.answerReInvite(
            request,
            refreshAnswerHeaders(),
            offered ->
                record(
                    offered.holds() ? "call.held" : "call.resumed",
                    Map.of("to", offered.direction())));
      }
      case "NOTIFY" -> transfers.notified(request);
      case "UPDATE" -> {
        refreshedBySbc();
        request.respond(200, "OK", null, refreshAnswerHeaders());
      }
      case "INFO" -> request.respond(200, "OK", null, List.of());
      default ->
          request.respond(
              405, "Method Not Allowed", null, List.of(SipHeader.of("Allow", CallServices.ALLOW)));
    }
  }

  /** The headers of a 2xx to a refresh: Contact and Allow, and the session interval when timed. */
  private List<SipHeader> refreshAnswerHeaders() {
    if (sessionExpiry == null) {
      return answers.common();
    }
    List<SipHeader> headers = new java.util.ArrayList<>(answers.common());
    headers.add(
        SipHeader.of(
            "Session-Expires", services.settings.sessionExpires().toSeconds() + ";refresher=uac"));
    headers.add(SipHeader.of("Require", "timer"));
    return headers;
  }

  /** Sends an in-dialog request towards the SBC. */
  void sendInDialog(String method, Consumer<IncomingResponse> onResponse, SipHeader... extra) {
    OutgoingRequest request = dialog.request(method).headers(List.of(extra));
    services.node.get().send(dialog.listenPoint, request, onResponse::accept);
  }

  /** Ends the call after a successful transfer: BYE to the SBC. */
  void transferred() {
    if (move(InboundCallState.ENDED)) {
      sendInDialog("BYE", response -> {});
      parties.remoteHangUp();
      finish();
    }
  }

  Parties parties() {
    return parties;
  }

  /** Teams joined {@code leg} to this call: the SBC ending this call ends that leg. */
  void link(LinkedLeg leg) {
    this.linked = leg;
  }

  @Override
  public @Nullable String teamsUserId() {
    return parties.currentUserId();
  }

  @Override
  public boolean isConnected() {
    return state.isEstablished();
  }

  @Override
  public String remoteNumber() {
    return target.callerNumber();
  }

  boolean sbcAllowsRefer() {
    return String.join(",", invite.headerValues("Allow")).toUpperCase().contains("REFER");
  }

  InboundTarget target() {
    return target;
  }

  @Override
  public String callId() {
    return invite.callId();
  }

  InboundCallState state() {
    return state;
  }

  TeamsMedia media() {
    return media;
  }

  @Override
  public Dialog dialog() {
    return dialog;
  }

  private void cancelRingTimer() {
    if (ringTimer != null) {
      ringTimer.cancel();
      ringTimer = null;
    }
  }

  private void finish() {
    cancelRingTimer();
    if (okRetransmission != null) {
      okRetransmission.stop();
    }
    if (sessionExpiry != null) {
      sessionExpiry.stop();
    }
    media.close();
    services.active.ended(target.gateway().fqdn());
    services.scheduler.schedule(
        Duration.ofSeconds(32), () -> services.dialogs.remove(invite.callId(), this));
    record("call.ended", Map.of("state", state.name()));
  }

  private boolean move(InboundCallState next) {
    if (!state.canMoveTo(next)) {
      return false;
    }
    state = next;
    return true;
  }

  void record(String kind, Map<String, String> attributes) {
    services.journal.event(Channel.SIP, kind, invite.callId(), attributes);
  }
}
