package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The dialog an INVITE with Replaces from Microsoft opens in place of the answered Teams-side
 * dialog of a Teams user's call through Tandem ({@link TeamsPstnCall}; RFC 3891,
 * MICROSOFT-CONTRACTS §1.3): the INVITE is answered 200 on the same RTP session, re-pointed to its
 * offer with SRTP and ICE as the trunk runs them ({@link LegMedia#reoffered}), with its own session
 * timer when it asks for one (RFC 4028) and the 200 retransmitted until the ACK ({@link
 * CallerInvite}). The call takes it over once the ACK comes. Runs on the call's lane.
 */
final class ReplacingDialog {

  private final CallerInvite invite;
  private final Dialog dialog;
  private final @Nullable SessionTimer session;

  private ReplacingDialog(CallerInvite invite, Dialog dialog, @Nullable SessionTimer session) {
    this.invite = invite;
    this.dialog = dialog;
    this.session = session;
  }

  /**
   * Answers {@code request} on {@code media} with {@code contact}: 100, the media re-pointed to its
   * offer, 200 with the answer; {@code ended} runs when the new dialog's session expires or no ACK
   * comes. Null when refused, with a {@code Warning} and the media as it was: no offer (Direct
   * Routing never sends a delayed offer) 488, an unreadable offer 400, one Tandem cannot take 488.
   */
  static @Nullable ReplacingDialog answer(
      ConnectContext context,
      String lane,
      InboundRequest request,
      LegMedia media,
      String contact,
      SessionTimer.@Nullable Terms terms,
      Runnable ended) {
    request.respond(100, "Trying", "", List.of());
    if (request.body().length == 0) {
      Replaces.refuse(
          request, 488, "Not Acceptable Here", "an INVITE with Replaces needs an offer");
      return null;
    }
    try {
      media.reoffered(request.bodyText());
    } catch (MediaRefusedException refused) {
      Replaces.refuse(
          request,
          refused.status(),
          refused.status() == 400 ? "Bad Request" : "Not Acceptable Here",
          refused.getMessage());
      return null;
    }
    String tag = ContextIds.tag();
    Dialog dialog = Dialog.answering(request, tag, contact);
    SessionTimer timer =
        terms == null
            ? null
            : new SessionTimer(context, lane, terms, dialog, media::localSdp, ended);
    CallerInvite invite = new CallerInvite(context, request, tag);
    invite.answer(media, contact, timer == null ? List.of() : timer.answerHeaders(), ended);
    if (timer != null) {
      timer.start();
    }
    return new ReplacingDialog(invite, dialog, timer);
  }

  /** Whether {@code request} is in this dialog (its Call-ID). */
  boolean owns(InboundRequest request) {
    return request.callId().equals(dialog.callId());
  }

  CallerInvite invite() {
    return invite;
  }

  Dialog dialog() {
    return dialog;
  }

  @Nullable SessionTimer session() {
    return session;
  }

  /** The dialog will not be taken over: no more retransmissions or refreshes. */
  void stop() {
    invite.stop();
    if (session != null) {
      session.stop();
    }
  }
}
