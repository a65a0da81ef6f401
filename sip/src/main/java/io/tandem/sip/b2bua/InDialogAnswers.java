package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.SipHeader;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a leg answers the in-dialog requests it does not end the call on: a re-INVITE with an offer
 * gets 200 with the leg's answer (direction mirrored: sendonly → recvonly, inactive → inactive,
 * sendrecv → sendrecv) and reports whether it holds; one Tandem cannot take gets 400/488 with a
 * {@code Warning} and leaves the session as it was (RFC 3261 §14.2); a re-INVITE without an offer
 * gets the leg's current SDP; UPDATE 200 (both with Contact, RFC 3261 §12.2.2 and RFC 3311);
 * OPTIONS, INFO and NOTIFY 200; any other method 501.
 */
final class InDialogAnswers {

  private InDialogAnswers() {}

  /**
   * Answers {@code request}; {@code holds} hears, on the call's lane, whether an accepted
   * re-INVITE's offer puts Tandem on hold.
   */
  static void answer(
      InboundRequest request,
      String localTag,
      String contact,
      LegMedia media,
      Consumer<Boolean> holds) {
    switch (request.method()) {
      case "INVITE" -> reinvited(request, localTag, contact, media, holds);
      case "UPDATE" -> request.respond(200, "OK", localTag, List.of(SipConstants.contact(contact)));
      case "OPTIONS", "INFO", "NOTIFY" -> request.respond(200, "OK", localTag, List.of());
      default -> request.respond(501, "Not Implemented", localTag, List.of());
    }
  }

  private static void reinvited(
      InboundRequest request,
      String localTag,
      String contact,
      LegMedia media,
      Consumer<Boolean> holds) {
    if (request.body().length == 0) {
      ok(request, localTag, contact, media.localSdp());
      return;
    }
    Reoffer answered;
    try {
      answered = media.reoffered(request.bodyText());
    } catch (MediaRefusedException refused) {
      request.respond(
          refused.status(),
          refused.status() == 400 ? "Bad Request" : "Not Acceptable Here",
          localTag,
          List.of(SipHeader.of("Warning", "399 tandem \"" + refused.getMessage() + "\"")));
      return;
    }
    ok(request, localTag, contact, answered.answerSdp());
    holds.accept(answered.hold());
  }

  private static void ok(InboundRequest request, String localTag, String contact, String sdp) {
    request.respond(
        200, "OK", localTag, List.of(SipConstants.contact(contact)), sdp, "application/sdp");
  }
}
