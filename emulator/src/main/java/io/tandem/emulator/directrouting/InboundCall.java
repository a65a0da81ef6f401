package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.IncomingResponse;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.teams.OfferListener;
import io.tandem.emulator.teams.TeamsOffer;
import io.tandem.emulator.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An SBC → Teams user call at the emulated proxy: 100 Trying, one 180 per ringing endpoint (each
 * its own To-tag), one 183 with the Media Processor's SDP, then what the user's scripted client
 * does: 200 OK (media flows), 603 Decline, 486 Busy Here, or ringing until CANCEL (487) or the ring
 * timeout (480). Connected, it answers re-INVITEs (hold/unhold) and BYE, hangs up with BYE, sends
 * the user's digits as RFC 4733 events and hands the user's transfers to {@link Transfers}.
 * Confined to its Call-ID's serial executor; Teams client callbacks are moved onto it.
 */
final class InboundCall implements CallLeg, OfferListener {

  private final CallServices services;
  private final IncomingRequest invite;
  private final InboundTarget target;
  private final List<String> forkTags = new ArrayList<>();
  private final Dialog dialog;
  private final MediaLeg media;
  private @Nullable TeamsOffer offer;
  private Scheduler.@Nullable Timer ringTimer;
  private InboundCallState state = InboundCallState.TRYING;
  private long sdpVersion = 1;

  InboundCall(CallServices services, IncomingRequest invite, InboundTarget target) {
    this.services = services;
    this.invite = invite;
    this.target = target;
    for (int i = 0; i < services.settings.endpointsPerUser(); i++) {
      forkTags.add(Dialog.newTag());
    }
    String contact = invite.headerValues("Contact").get(0);
    this.dialog =
        new Dialog(
            invite.callId(),
            forkTags.get(0),
            Dialog.withoutTag(invite.header("To").orElseThrow()),
            Dialog.withoutTag(invite.header("From").orElseThrow()),
            invite.fromTag(),
            Dialog.uriOf(contact),
            invite.listenPoint(),
            CallServices.contactOf(invite.listenPoint()),
            0);
    this.media = services.media.open(services.settings.teamsAudio());
  }

  /** Starts the call: counts it, rings the user's Teams client. */
  void start() {
    services.dialogs.put(invite.callId(), this);
    services.active.started(target.gateway().fqdn());
    services.declines.checkRetry(invite.callId(), target.callerNumber(), target.callee().id());
    record("call.offered", Map.of("user", target.callee().id(), "tenant", target.tenant().id()));
    offer = services.teams.offer(target.callee(), invite.callId(), this);
  }

  // --- the Teams client, moved onto the call's serial executor

  @Override
  public void ringing() {
    services.onCall(invite.callId(), this::ring);
  }

  @Override
  public void answered() {
    services.onCall(invite.callId(), this::answer);
  }

  @Override
  public void declined() {
    services.onCall(
        invite.callId(),
        () -> {
          services.declines.declined(target.callerNumber(), target.callee().id());
          fail(Rejection.of(603, "Decline", 0, "The Teams user declined the call").withQ850(21));
        });
  }

  @Override
  public void busy() {
    services.onCall(
        invite.callId(),
        () -> fail(Rejection.of(486, "Busy Here", 0, "The Teams user is busy").withQ850(17)));
  }

  @Override
  public void hungUp() {
    services.onCall(invite.callId(), this::hangUp);
  }

  @Override
  public void transferRequested(String transferTarget) {
    services.onCall(invite.callId(), () -> new Transfers(services).transfer(this, transferTarget));
  }

  @Override
  public void dtmf(String digits) {
    services.onCall(invite.callId(), () -> media.sendDigits(digits));
  }

  // --- SIP

  private void ring() {
    if (!move(InboundCallState.RINGING)) {
      return;
    }
    ringTimer =
        services.scheduler.schedule(
            services.settings.ringTimeout(),
            () ->
                services.onCall(
                    invite.callId(),
                    () -> {
                      if (state == InboundCallState.RINGING) {
                        if (offer != null) {
                          offer.cancel();
                        }
                        fail(
                            Rejection.of(
                                    480,
                                    "Temporarily Unavailable",
                                    0,
                                    "The Teams user did not answer within the ring timeout")
                                .withQ850(19));
                      }
                    }));
    for (String tag : forkTags) {
      invite.respond(180, "Ringing", tag, common());
    }
    invite.respond(
        183, "Session Progress", forkTags.get(0), common(), answerSdp(), "application/sdp");
  }

  private void answer() {
    if (!move(InboundCallState.ANSWERED)) {
      return;
    }
    cancelRingTimer();
    List<SipHeader> headers = new ArrayList<>(common());
    headers.add(
        SipHeader.of(
            "Session-Expires", services.settings.sessionExpires().toSeconds() + ";refresher=uac"));
    if (invite.header("Supported").orElse("").contains("timer")) {
      headers.add(SipHeader.of("Require", "timer"));
    }
    invite.respond(200, "OK", forkTags.get(0), headers, answerSdp(), "application/sdp");
    Sdp offered = target.offer();
    media.connect(offered.address(), offered.port(), offered.firstG711(), offered.telephoneEvent());
    media.onDigit(digit -> record("dtmf.received", Map.of("digit", String.valueOf(digit))));
    record("call.answered", Map.of("user", target.callee().id()));
  }

  private void fail(Rejection rejection) {
    if (!move(InboundCallState.FAILED)) {
      return;
    }
    cancelRingTimer();
    invite.respond(
        rejection.status(),
        rejection.reason(),
        forkTags.get(0),
        rejection.headers(invite.listenPoint().name()));
    finish();
  }

  private void hangUp() {
    if (state != InboundCallState.CONNECTED && state != InboundCallState.ANSWERED) {
      return;
    }
    move(InboundCallState.ENDED);
    sendInDialog("BYE", response -> {});
    finish();
  }

  @Override
  public void onRequest(IncomingRequest request) {
    switch (request.method()) {
      case "ACK" -> {
        if (move(InboundCallState.CONNECTED)) {
          record("call.connected", Map.of());
        }
      }
      case "CANCEL" -> {
        request.respond(200, "OK", null, List.of());
        if (state == InboundCallState.RINGING || state == InboundCallState.TRYING) {
          if (offer != null) {
            offer.cancel();
          }
          fail(Rejection.of(487, "Request Terminated", 0, "The SBC cancelled the call"));
        }
      }
      case "BYE" -> {
        request.respond(200, "OK", null, List.of());
        if (move(InboundCallState.ENDED)) {
          if (offer != null) {
            offer.remoteHangUp();
          }
          finish();
        }
      }
      case "INVITE" -> reInvite(request);
      case "NOTIFY" -> {
        request.respond(200, "OK", null, List.of());
        new Transfers(services).notified(this, request);
      }
      case "UPDATE", "INFO" -> request.respond(200, "OK", null, List.of());
      default ->
          request.respond(
              405, "Method Not Allowed", null, List.of(SipHeader.of("Allow", CallServices.ALLOW)));
    }
  }

  private void reInvite(IncomingRequest request) {
    Sdp offered = Sdp.parseOrNull(request.bodyText());
    if (offered == null) {
      request.respond(200, "OK", null, common(), answerSdp(), "application/sdp");
      return;
    }
    boolean held = offered.holds();
    media.hold(held);
    if (!held) {
      media.connect(
          offered.address(), offered.port(), offered.firstG711(), offered.telephoneEvent());
    }
    record(held ? "call.held" : "call.resumed", Map.of("direction", offered.direction()));
    sdpVersion++;
    String sdp =
        Sdp.write(
            services.node.get().bindAddress(),
            media.localPort(),
            sdpVersion,
            List.of(offered.firstG711() < 0 ? 0 : offered.firstG711()),
            offered.answerDirection());
    request.respond(
        200, "OK", null, common(), sdp.getBytes(StandardCharsets.US_ASCII), "application/sdp");
  }

  /** Sends an in-dialog request towards the SBC. */
  void sendInDialog(
      String method, java.util.function.Consumer<IncomingResponse> onResponse, SipHeader... extra) {
    services
        .node
        .get()
        .send(
            dialog.listenPoint, dialog.request(method).headers(List.of(extra)), onResponse::accept);
  }

  /** Ends the call after a successful transfer: BYE to the SBC. */
  void transferred() {
    if (move(InboundCallState.ENDED)) {
      sendInDialog("BYE", response -> {});
      if (offer != null) {
        offer.remoteHangUp();
      }
      finish();
    }
  }

  boolean sbcAllowsRefer() {
    return String.join(",", invite.headerValues("Allow")).toUpperCase().contains("REFER");
  }

  InboundTarget target() {
    return target;
  }

  String callId() {
    return invite.callId();
  }

  InboundCallState state() {
    return state;
  }

  MediaLeg media() {
    return media;
  }

  private byte[] answerSdp() {
    return Sdp.write(
            services.node.get().bindAddress(),
            media.localPort(),
            sdpVersion,
            List.of(target.offer().firstG711()),
            "sendrecv")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private List<SipHeader> common() {
    return List.of(
        SipHeader.of("Contact", CallServices.contactOf(invite.listenPoint())),
        SipHeader.of("Allow", CallServices.ALLOW));
  }

  private void cancelRingTimer() {
    if (ringTimer != null) {
      ringTimer.cancel();
      ringTimer = null;
    }
  }

  private void finish() {
    cancelRingTimer();
    media.close();
    services.active.ended(target.gateway().fqdn());
    services.scheduler.schedule(
        java.time.Duration.ofSeconds(32), () -> services.dialogs.remove(invite.callId(), this));
    record("call.ended", Map.of("state", state.name()));
  }

  private boolean move(InboundCallState next) {
    if (!state.canMoveTo(next)) {
      return false;
    }
    state = next;
    return true;
  }

  private void record(String kind, Map<String, String> attributes) {
    services.journal.event(Channel.SIP, kind, invite.callId(), attributes);
  }
}
