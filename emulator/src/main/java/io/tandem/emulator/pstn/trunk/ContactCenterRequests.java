package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.directrouting.Sdp;
import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.journal.Channel;
import java.util.List;
import java.util.Map;

/**
 * What the caller's phone answers to the contact center's requests inside a trunk call's dialog:
 * BYE (200, the call ends), re-INVITE and UPDATE (200 with an SDP answer; hold follows the offer's
 * direction; no offer gets one; no G.711 gets 488), REFER ({@link Referral}), OPTIONS, INFO and
 * NOTIFY (200), ACK (nothing); other methods 501. Before the 2xx (or after the call ended) a dialog
 * request gets 481. Runs on the call's serial executor under the call's lock.
 */
final class ContactCenterRequests {

  private final TrunkCall call;
  private final TrunkServices services;

  ContactCenterRequests(TrunkCall call, TrunkServices services) {
    this.call = call;
    this.services = services;
  }

  void handle(IncomingRequest request) {
    String method = request.method();
    if (method.equals("ACK")) {
      return;
    }
    if (!call.confirmed() && !method.equals("OPTIONS")) {
      request.respond(481, "Call/Transaction Does Not Exist", null, List.of());
      return;
    }
    switch (method) {
      case "BYE" -> {
        request.respond(200, "OK", null, List.of());
        call.endedByContactCenter();
      }
      case "INVITE", "UPDATE" -> reoffer(request);
      case "REFER" -> {
        if (call.state() != TrunkCallState.CONNECTED) {
          request.respond(481, "Call/Transaction Does Not Exist", null, List.of());
          return;
        }
        new Referral(call, services).accept(request);
      }
      case "OPTIONS", "INFO", "NOTIFY" -> request.respond(200, "OK", null, List.of());
      default -> request.respond(501, "Not Implemented", null, List.of());
    }
  }

  private void reoffer(IncomingRequest request) {
    CallerMedia media = call.media();
    List<SipHeader> contact = List.of(SipHeader.of("Contact", call.contact()));
    List<Integer> law = List.of(media.law().payloadType());
    if (request.body().length == 0) {
      request.respond(200, "OK", null, contact, call.offer("sendrecv", law), "application/sdp");
      return;
    }
    Sdp sdp = TrunkCall.sdpOf(request.body());
    if (sdp == null || sdp.firstG711() < 0) {
      request.respond(488, "Not Acceptable Here", null, List.of());
      return;
    }
    media.answeredWith(sdp);
    call.event(
        Channel.SIP,
        "trunk.reoffer",
        Map.of("method", request.method(), "direction", sdp.direction()));
    request.respond(
        200,
        "OK",
        null,
        contact,
        call.offer(sdp.answerDirection(), List.of(media.law().payloadType())),
        "application/sdp");
  }
}
