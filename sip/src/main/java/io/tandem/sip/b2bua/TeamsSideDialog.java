package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Teams side of an answered Teams user's call through Tandem ({@link TeamsPstnCall}): the
 * dialog the call runs in, its session timer and the INVITE that made it, and, while an INVITE with
 * Replaces for it is answered but not yet acknowledged, the replacing dialog ({@link
 * ReplacingDialog}). On that ACK the call goes on in the new dialog (the Teams user joined this
 * call to another in Teams, RFC 3891 §3) and Tandem ends the replaced one with BYE. Every Call-ID
 * it answers for is in the call table until {@link #stop}. Runs on the call's lane.
 */
final class TeamsSideDialog {

  private final ConnectContext context;
  private final String lane;
  private final SipLeg call;
  private CallerInvite invite;
  private Dialog dialog;
  private @Nullable SessionTimer session;
  private @Nullable ReplacingDialog replacing;

  /**
   * Answers {@code invite} (200 with {@code media}'s SDP and {@code contact}) in the dialog with
   * Tandem's {@code localTag}, with the session timer of {@code terms} if any: its expiry runs
   * {@code expired}, a missing ACK {@code noAck}.
   */
  static TeamsSideDialog answer(
      ConnectContext context,
      String lane,
      SipLeg call,
      CallerInvite invite,
      String localTag,
      LegMedia media,
      String contact,
      SessionTimer.@Nullable Terms terms,
      Runnable expired,
      Runnable noAck) {
    Dialog dialog = Dialog.answering(invite.request(), localTag, contact);
    SessionTimer timer =
        terms == null
            ? null
            : new SessionTimer(context, lane, terms, dialog, media::localSdp, expired);
    invite.answer(media, contact, timer == null ? List.of() : timer.answerHeaders(), noAck);
    if (timer != null) {
      timer.start();
    }
    return new TeamsSideDialog(context, lane, call, invite, dialog, timer);
  }

  private TeamsSideDialog(
      ConnectContext context,
      String lane,
      SipLeg call,
      CallerInvite invite,
      Dialog dialog,
      @Nullable SessionTimer session) {
    this.context = context;
    this.lane = lane;
    this.call = call;
    this.invite = invite;
    this.dialog = dialog;
    this.session = session;
  }

  private static final System.Logger LOG = System.getLogger(TeamsSideDialog.class.getName());

  /**
   * The ACK of the call's dialog ({@link CallerInvite#acked}); false when the answer it carries is
   * unusable (the call must end).
   */
  boolean acked(InboundRequest ack, LegMedia media) {
    try {
      invite.acked(ack, media);
      return true;
    } catch (MediaRefusedException unusable) {
      LOG.log(System.Logger.Level.WARNING, "answer in ACK unusable: {0}", unusable.getMessage());
      return false;
    }
  }

  /** Tandem's tag in the dialog the call runs in. */
  String localTag() {
    return dialog.localTag();
  }

  /**
   * Answers {@code request}, in the call's dialog, that does not end the call ({@link
   * InDialogAnswers}, on {@code media} with {@code contact}); a repeated INVITE gets nothing.
   */
  void answer(InboundRequest request, LegMedia media, String contact) {
    if (!request.method().equals("INVITE") || !invite.isRepeatedBy(request)) {
      InDialogAnswers.answer(request, dialog.localTag(), contact, media, session, holds -> {});
    }
  }

  /**
   * Whether a replacing dialog is answered and not yet acknowledged (a BYE in the replaced one then
   * does not end the call).
   */
  boolean replacing() {
    return replacing != null;
  }

  /**
   * Answers {@code request}, an INVITE with {@code replaces} for the call, on {@code media} with
   * the Contact {@code contact} gives for it: refused as {@link Replaces#refused} says, or while
   * another replacement is not yet acknowledged (486); else a {@link ReplacingDialog}, whose
   * session expiry or missing ACK runs {@code ended}.
   */
  void replacedBy(
      InboundRequest request,
      Replaces replaces,
      SessionTimer.@Nullable Terms terms,
      LegMedia media,
      Function<InboundRequest, String> contact,
      Runnable ended) {
    if (replacing != null) {
      Replaces.refuse(request, 486, "Busy Here", "another INVITE with Replaces is answered");
      return;
    }
    if (replaces.refused(request, dialog, false)) {
      return;
    }
    replacing =
        ReplacingDialog.answer(context, lane, request, media, contact.apply(request), terms, ended);
    if (replacing != null) {
      context.calls().add(request.callId(), call);
    }
  }

  /**
   * Handles {@code request} when it belongs to the replacing dialog: its ACK hands the call over to
   * it ({@code takenOver} runs with the replacing INVITE), a BYE before that ends the call ({@code
   * ended}, the replacing dialog already over), a CANCEL finds the INVITE answered (200), anything
   * else waits (491); false when it is not the replacing dialog's.
   */
  boolean inReplacing(
      InboundRequest request,
      LegMedia media,
      java.util.function.Consumer<InboundRequest> takenOver,
      Runnable ended) {
    ReplacingDialog next = replacing;
    if (next == null || !next.owns(request)) {
      return false;
    }
    switch (request.method()) {
      case "ACK" -> {
        takeOver(next);
        acked(request, media);
        takenOver.accept(next.invite().request());
      }
      case "BYE" -> {
        request.respond(200, "OK", next.dialog().localTag(), List.of());
        forget(next);
        ended.run();
      }
      case "CANCEL" -> request.respond(200, "OK", next.dialog().localTag(), List.of());
      default -> request.respond(491, "Request Pending", next.dialog().localTag(), List.of());
    }
    return true;
  }

  private void takeOver(ReplacingDialog next) {
    replacing = null;
    invite.stop();
    if (session != null) {
      session.stop();
    }
    bye(dialog);
    context.calls().remove(dialog.callId(), call);
    invite = next.invite();
    dialog = next.dialog();
    session = next.session();
  }

  /** Tandem ends the call on the Teams side: BYE in the dialog, and in a replacing one. */
  void bye() {
    if (replacing != null) {
      bye(replacing.dialog());
    }
    bye(dialog);
  }

  private void bye(Dialog ending) {
    context.endpoint().send(ending.via(), ending.request("BYE"), SipConstants.IGNORE);
  }

  /** The call is over: no more retransmissions or refreshes, its Call-IDs leave the table. */
  void stop() {
    invite.stop();
    if (session != null) {
      session.stop();
    }
    context.calls().remove(dialog.callId(), call);
    ReplacingDialog next = replacing;
    if (next != null) {
      forget(next);
    }
  }

  /** The replacing dialog will not be taken over (ended, or the call is over). */
  private void forget(ReplacingDialog next) {
    replacing = null;
    next.stop();
    context.calls().remove(next.dialog().callId(), call);
  }
}
