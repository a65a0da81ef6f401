package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import java.util.List;

/**
 * How a leg answers the in-dialog requests it does not act on itself: a re-INVITE gets 200 with the
 * leg's current SDP, UPDATE 200 (both with Contact, RFC 3261 §12.2.2 and RFC 3311), OPTIONS, INFO
 * and NOTIFY 200, and any other method 501.
 */
final class InDialogAnswers {

  private InDialogAnswers() {}

  static void answer(InboundRequest request, String localTag, String contact, String localSdp) {
    switch (request.method()) {
      case "INVITE" ->
          request.respond(
              200,
              "OK",
              localTag,
              List.of(SipConstants.contact(contact)),
              localSdp,
              "application/sdp");
      case "UPDATE" -> request.respond(200, "OK", localTag, List.of(SipConstants.contact(contact)));
      case "OPTIONS", "INFO", "NOTIFY" -> request.respond(200, "OK", localTag, List.of());
      default -> request.respond(501, "Not Implemented", localTag, List.of());
    }
  }
}
