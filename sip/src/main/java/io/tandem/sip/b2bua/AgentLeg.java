package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.InboundResponse;
import io.tandem.sip.stack.OutboundRequest;
import io.tandem.sip.stack.SipHeader;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Tandem's call to an agent's Teams number (or a transfer target) over Direct Routing, as the
 * tenant's SBC: the INVITE through the proxies in failover order ({@link AgentInvite}), then the
 * answered leg — its media, RTP inactivity and session timers, Teams' in-dialog requests (BYE,
 * re-INVITE and UPDATE, REFER to {@link AgentLegListener#referred}), and CANCEL or BYE when Tandem
 * ends it. Everything runs on the caller call's lane.
 */
final class AgentLeg implements SipLeg, AgentInvite.Outcome {

  private static final System.Logger LOG = System.getLogger(AgentLeg.class.getName());

  private final ConnectContext context;
  private final String lane;
  private final LegAddress address;
  private final LegMedia media;
  private @Nullable RtpWatch rtpWatch;
  private @Nullable SessionTimer session;
  private final AgentLegListener listener;
  private final String callId = ContextIds.callId();
  private final AgentInvite invite;
  private AgentLegState state = AgentLegState.INVITING;

  AgentLeg(
      ConnectContext context,
      String lane,
      ProxyFailover hops,
      LegAddress address,
      LegMedia media,
      AgentLegListener listener) {
    this.context = context;
    this.lane = lane;
    this.address = address;
    this.media = media;
    this.listener = listener;
    this.invite = new AgentInvite(context, lane, callId, address, hops, media::localSdp, this);
  }

  LegMedia media() {
    return media;
  }

  AgentLegState state() {
    return state;
  }

  /** What the leg calls, as the domain names it (a number, {@code teams:<id>}). */
  String target() {
    return address.target();
  }

  /** Sends the INVITE to the first proxy. */
  void start() {
    context.calls().add(callId, this);
    invite.send();
  }

  /** Tandem ends the leg: CANCEL while it rings, BYE once answered. */
  void hangUp() {
    switch (state) {
      case INVITING, RINGING -> {
        move(AgentLegState.CANCELLING);
        invite.cancel();
      }
      case ANSWERED -> {
        move(AgentLegState.ENDED);
        sendBye();
        close();
      }
      case CANCELLING, ENDED -> {}
    }
  }

  private Dialog dialog() {
    return invite.dialog();
  }

  @Override
  public void ringing() {
    if (state == AgentLegState.INVITING) {
      move(AgentLegState.RINGING);
      listener.ringing(this);
    }
  }

  @Override
  public void answered(InboundResponse response) {
    if (state != AgentLegState.INVITING && state != AgentLegState.RINGING) {
      return;
    }
    try {
      media.answered(response.bodyText());
    } catch (MediaRefusedException unusable) {
      LOG.log(
          System.Logger.Level.WARNING,
          "agent answer on {0} unusable: {1}",
          callId,
          unusable.getMessage());
      move(AgentLegState.ENDED);
      sendBye();
      close();
      listener.refused(this, 488);
      return;
    }
    move(AgentLegState.ANSWERED);
    rtpWatch = RtpWatch.start(context, lane, media, () -> endedByTandem("no RTP"));
    session =
        SessionTimer.answered(
                response.header("Session-Expires").orElse(null),
                supportedAndRequired(response),
                response.headerValues("Allow"))
            .map(
                terms ->
                    new SessionTimer(
                        context,
                        lane,
                        terms,
                        dialog(),
                        media::localSdp,
                        () -> endedByTandem("session expired")))
            .orElse(null);
    if (session != null) {
      session.start();
    }
    listener.answered(this);
  }

  private static List<String> supportedAndRequired(InboundResponse response) {
    List<String> options = new java.util.ArrayList<>(response.headerValues("Supported"));
    options.addAll(response.headerValues("Require"));
    return options;
  }

  /**
   * Teams sent no RTP for the inactivity timeout, or the session expired: BYE, then as if the agent
   * had hung up.
   */
  private void endedByTandem(String why) {
    if (state == AgentLegState.ANSWERED) {
      LOG.log(System.Logger.Level.INFO, "agent leg {0} ended: {1}", callId, why);
      move(AgentLegState.ENDED);
      sendBye();
      close();
      listener.hungUp(this);
    }
  }

  @Override
  public void failed(int status) {
    if (state == AgentLegState.ENDED) {
      return;
    }
    move(AgentLegState.ENDED);
    close();
    listener.refused(this, status);
  }

  @Override
  public void cancelled() {
    if (state == AgentLegState.CANCELLING) {
      move(AgentLegState.ENDED);
      close();
    }
  }

  private void sendBye() {
    Dialog dialog = dialog();
    context.endpoint().send(dialog.via(), dialog.request("BYE"), SipConstants.IGNORE);
  }

  @Override
  public void onRequest(InboundRequest request) {
    context.endpoint().execute(lane, () -> inDialog(request));
  }

  private void inDialog(InboundRequest request) {
    switch (request.method()) {
      case "BYE" -> {
        request.respond(200, "OK", dialog().localTag(), List.of());
        if (state == AgentLegState.ANSWERED) {
          move(AgentLegState.ENDED);
          close();
          listener.hungUp(this);
        }
      }
      case "ACK" -> {}
      case "REFER" -> listener.referred(this, request);
      default ->
          InDialogAnswers.answer(
              request,
              dialog().localTag(),
              dialog().contact(),
              media,
              session,
              holds -> {
                if (state == AgentLegState.ANSWERED) {
                  listener.holds(this, holds);
                }
              });
    }
  }

  /**
   * An INVITE with Replaces naming this leg's Call-ID: refused on the lane ({@link
   * Replaces#answerForAgentLeg}).
   */
  void onReplacingInvite(InboundRequest invite, Replaces replaces) {
    context
        .endpoint()
        .execute(
            lane,
            () ->
                replaces.answerForAgentLeg(
                    invite, state == AgentLegState.ANSWERED ? dialog() : null));
  }

  /** Answers {@code request}, one of this leg's in-dialog requests. */
  void respond(InboundRequest request, int status, String reason, List<SipHeader> extra) {
    request.respond(status, reason, dialog().localTag(), extra);
  }

  /** The leg's Contact, for responses that carry one. */
  SipHeader contact() {
    return SipConstants.contact(dialog().contact());
  }

  /**
   * Sends a new in-dialog request of {@code method}, with what {@code fill} adds, while the leg is
   * answered; nothing once it has ended.
   */
  void sendInDialog(String method, UnaryOperator<OutboundRequest> fill) {
    if (state == AgentLegState.ANSWERED) {
      context
          .endpoint()
          .send(dialog().via(), fill.apply(dialog().request(method)), SipConstants.IGNORE);
    }
  }

  @Override
  public void onStrayResponse(InboundResponse response) {
    context
        .endpoint()
        .execute(
            lane,
            () -> {
              if (response.isSuccess()
                  && response.method().equals("INVITE")
                  && state == AgentLegState.ANSWERED) {
                invite.lateSuccess(response);
              }
            });
  }

  private void close() {
    if (rtpWatch != null) {
      rtpWatch.stop();
    }
    if (session != null) {
      session.stop();
    }
    media.close();
    context.calls().remove(callId, this);
  }

  private void move(AgentLegState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("agent leg " + callId + ": " + state + " → " + next);
    }
    state = next;
  }
}
