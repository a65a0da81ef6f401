package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.SipHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a leg answers the in-dialog requests it does not end the call on: a re-INVITE with an offer
 * gets 200 with the leg's answer (direction mirrored: sendonly → recvonly, inactive → inactive,
 * sendrecv → sendrecv) and reports whether it holds; one Tandem cannot take gets 400/488 with a
 * {@code Warning} and leaves the session as it was (RFC 3261 §14.2); a re-INVITE without an offer
 * gets the leg's current SDP; UPDATE 200 (both with Contact, RFC 3261 §12.2.2 and RFC 3311);
 * OPTIONS, INFO and NOTIFY 200; any other method 501. An accepted re-INVITE or UPDATE refreshes the
 * leg's session timer, if it runs one, and its 200 says the session interval (RFC 4028 §9).
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
      @Nullable SessionTimer session,
      Consumer<Boolean> holds) {
    switch (request.method()) {
      case "INVITE" -> reinvited(request, localTag, contact, media, session, holds);
      case "UPDATE" -> {
        request.respond(200, "OK", localTag, okHeaders(contact, session));
        refreshed(session);
      }
      case "OPTIONS", "INFO", "NOTIFY" -> request.respond(200, "OK", localTag, List.of());
      default -> request.respond(501, "Not Implemented", localTag, List.of());
    }
  }

  private static void reinvited(
      InboundRequest request,
      String localTag,
      String contact,
      LegMedia media,
      @Nullable SessionTimer session,
      Consumer<Boolean> holds) {
    if (request.body().length == 0) {
      ok(request, localTag, okHeaders(contact, session), media.localSdp());
      refreshed(session);
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
    ok(request, localTag, okHeaders(contact, session), answered.answerSdp());
    refreshed(session);
    holds.accept(answered.hold());
  }

  private static void refreshed(@Nullable SessionTimer session) {
    if (session != null) {
      session.refreshed();
    }
  }

  private static List<SipHeader> okHeaders(String contact, @Nullable SessionTimer session) {
    List<SipHeader> headers = new ArrayList<>();
    headers.add(SipConstants.contact(contact));
    if (session != null) {
      headers.addAll(session.headers(!session.terms().tandemRefreshes()));
    }
    return headers;
  }

  private static void ok(
      InboundRequest request, String localTag, List<SipHeader> headers, String sdp) {
    request.respond(200, "OK", localTag, headers, sdp, "application/sdp");
  }
}
