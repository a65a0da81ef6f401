package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.SipHandler;
import io.tandem.emulator.directrouting.sip.SipHeader;
import java.util.List;
import java.util.Optional;

/**
 * The simulated carrier's front door for requests from contact centers: requests in a trunk call's
 * dialog go to that call; OPTIONS outside a dialog (keep-alive pings) get 200; a new INVITE gets
 * 403 (the carrier delivers calls, it takes none); anything else 481.
 */
final class TrunkRequests implements SipHandler {

  private final TrunkCalls calls;

  TrunkRequests(TrunkCalls calls) {
    this.calls = calls;
  }

  @Override
  public void onRequest(IncomingRequest request) {
    Optional<TrunkCall> call = calls.get(request.callId());
    if (call.isPresent() && !request.toTag().isEmpty()) {
      call.get().onRequest(request);
      return;
    }
    switch (request.method()) {
      case "ACK" -> {}
      case "OPTIONS" ->
          request.respond(
              200,
              "OK",
              newTag(),
              List.of(
                  SipHeader.of("Allow", TrunkCall.ALLOW),
                  SipHeader.of("Accept", "application/sdp")));
      case "INVITE" ->
          request.respond(
              403,
              "Forbidden",
              newTag(),
              List.of(
                  SipHeader.of(
                      "Warning", "399 carrier \"the emulated carrier trunk takes no calls\"")));
      default -> request.respond(481, "Call/Transaction Does Not Exist", newTag(), List.of());
    }
  }

  private static String newTag() {
    return Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1);
  }
}
