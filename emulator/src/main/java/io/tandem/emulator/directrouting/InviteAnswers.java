package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.SipHeader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The emulated proxy's responses to one SBC INVITE: one 180 per ringing Teams endpoint, each with
 * its own To-tag (its own early dialog), one 183 with the Media Processor's SDP on the first fork,
 * the 200 OK on the first fork with the session timer offered, or a final failure with Microsoft's
 * diagnostics.
 */
final class InviteAnswers {

  private final CallServices services;
  private final IncomingRequest invite;
  private final List<String> forkTags = new ArrayList<>();

  InviteAnswers(CallServices services, IncomingRequest invite) {
    this.services = services;
    this.invite = invite;
    for (int i = 0; i < services.settings.endpointsPerUser(); i++) {
      forkTags.add(Dialog.newTag());
    }
  }

  /** The To-tag of the fork that answers. */
  String answeringTag() {
    return forkTags.get(0);
  }

  /** 181 Call Is Being Forwarded: Teams retargeted the call before any endpoint rang. */
  void forwarding() {
    invite.respond(181, "Call Is Being Forwarded", answeringTag(), common());
  }

  /** 180 Ringing on every fork, then 183 Session Progress with {@code sdp}. */
  void ringing(byte[] sdp) {
    for (String tag : forkTags) {
      invite.respond(180, "Ringing", tag, common());
    }
    invite.respond(183, "Session Progress", answeringTag(), common(), sdp, "application/sdp");
  }

  /**
   * 200 OK with {@code sdp}, Session-Expires, and Require: timer when the SBC supports it; the sent
   * 200 comes back for retransmission, null when it could not be sent.
   */
  io.tandem.emulator.directrouting.sip.@Nullable SentResponse ok(byte[] sdp) {
    List<SipHeader> headers = new ArrayList<>(common());
    headers.add(
        SipHeader.of(
            "Session-Expires", services.settings.sessionExpires().toSeconds() + ";refresher=uac"));
    if (invite.header("Supported").orElse("").contains("timer")) {
      headers.add(SipHeader.of("Require", "timer"));
    }
    return invite.respond(200, "OK", answeringTag(), headers, sdp, "application/sdp");
  }

  void fail(Rejection rejection) {
    invite.respond(
        rejection.status(),
        rejection.reason(),
        answeringTag(),
        rejection.headers(invite.listenPoint().name()));
  }

  /** Contact (the proxy) and Allow, on every response the call sends. */
  List<SipHeader> common() {
    return List.of(
        SipHeader.of("Contact", CallServices.contactOf(invite.listenPoint())),
        SipHeader.of("Allow", CallServices.ALLOW));
  }
}
