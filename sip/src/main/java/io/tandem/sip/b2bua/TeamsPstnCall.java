package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.SipHeader;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.OutboundTrunk;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A call a Teams user places to the public network with Tandem as the tenant's SBC (Direct
 * Routing's outbound direction, MICROSOFT-CONTRACTS §1.4): Microsoft's INVITE is relayed to the
 * carrier gateway of the tenant's outbound trunk that serves the number ({@link CarrierAddress},
 * the Teams user's number as caller). The carrier's ringing becomes 180, its answer a 200 with
 * Tandem's SDP (Contact the SBC FQDN) and RTP relayed between the legs (the Direct Routing trunk's
 * SRTP on the Teams side, the carrier's mode on the other); its refusal goes back as the same
 * status, so Microsoft fails over to another SBC on 408, 503 and 504 as it does. CANCEL from Teams
 * cancels the carrier's leg (487), a BYE from either side ends the other. No interaction: this is
 * an SBC's work, not a contact-center call. Runs on the call's lane (its Call-ID).
 */
final class TeamsPstnCall implements SipLeg, AgentLegListener {

  /** Where the call is. */
  enum State {
    DIALLING,
    CONNECTED,
    ENDED;

    private static final Map<State, Set<State>> MOVES =
        Map.of(DIALLING, Set.of(CONNECTED, ENDED), CONNECTED, Set.of(ENDED), ENDED, Set.of());
  }

  private static final System.Logger LOG = System.getLogger(TeamsPstnCall.class.getName());

  private final ConnectContext context;
  private final CallerInvite invite;
  private final DirectRoutingTrunk teams;
  private final OutboundTrunk carrier;
  private final String number;
  private final SessionTimer.@Nullable Terms sessionTerms;
  private final String localTag = ContextIds.tag();
  private State state = State.DIALLING;
  private @Nullable LegMedia teamsMedia;
  private @Nullable AgentLeg carrierLeg;
  private @Nullable SessionTimer session;
  private @Nullable Dialog dialog;

  TeamsPstnCall(
      ConnectContext context,
      InboundRequest invite,
      DirectRoutingTrunk teams,
      OutboundTrunk carrier,
      String number,
      SessionTimer.@Nullable Terms sessionTerms) {
    this.context = context;
    this.invite = new CallerInvite(context, invite, localTag);
    this.teams = teams;
    this.carrier = carrier;
    this.number = number;
    this.sessionTerms = sessionTerms;
  }

  String lane() {
    return invite.request().callId();
  }

  State state() {
    return state;
  }

  /** 100, the Teams leg's media from Microsoft's offer, then the INVITE to the carrier. */
  void start() {
    LegMedia media = invite.acceptMedia(teams.srtp(), teams.mediaBypass());
    if (media == null) {
      context.calls().remove(lane(), this);
      return;
    }
    teamsMedia = media;
    LegMedia outward;
    try {
      outward = context.media().offer(carrier.srtp());
    } catch (MediaRefusedException noPort) {
      refuse(503, "no media for the carrier's leg: " + noPort.getMessage());
      return;
    }
    AgentLeg leg =
        new AgentLeg(
            context,
            lane(),
            new ProxyFailover(carrier),
            CarrierAddress.number(context, carrier, number, invite.callerNumber()),
            outward,
            this);
    carrierLeg = leg;
    leg.start();
  }

  @Override
  public void ringing(AgentLeg leg) {
    if (state == State.DIALLING) {
      invite.request().respond(180, "Ringing", localTag, List.of(contactHeader()));
    }
  }

  @Override
  public void answered(AgentLeg leg) {
    LegMedia media = teamsMedia;
    if (state != State.DIALLING || media == null) {
      leg.hangUp();
      return;
    }
    move(State.CONNECTED);
    Dialog answeredDialog = Dialog.answering(invite.request(), localTag, contact());
    dialog = answeredDialog;
    SessionTimer timer =
        sessionTerms == null
            ? null
            : new SessionTimer(
                context, lane(), sessionTerms, answeredDialog, media::localSdp, this::endBoth);
    session = timer;
    invite.answer(
        media,
        contact(),
        timer == null ? List.of() : timer.answerHeaders(),
        () -> {
          leg.hangUp();
          end();
        });
    if (timer != null) {
      timer.start();
    }
    media.relayWith(leg.media());
  }

  @Override
  public void refused(AgentLeg leg, int status) {
    if (state == State.DIALLING) {
      refuse(status, "the carrier answered " + status);
    }
  }

  @Override
  public void hungUp(AgentLeg leg) {
    if (state == State.CONNECTED) {
      sendBye();
      end();
    }
  }

  @Override
  public void holds(AgentLeg leg, boolean holds) {
    // the relay goes on; each side's SDP direction already tells the far end
  }

  @Override
  public void onRequest(InboundRequest request) {
    context.endpoint().execute(lane(), () -> inDialog(request));
  }

  @Override
  public void onStrayResponse(io.tandem.sip.stack.InboundResponse response) {}

  private void inDialog(InboundRequest request) {
    switch (request.method()) {
      case "ACK" -> acked(request);
      case "CANCEL" -> {
        request.respond(200, "OK", localTag, List.of());
        if (state == State.DIALLING) {
          invite.request().respond(487, "Request Terminated", localTag, List.of(contactHeader()));
          hangUpCarrier();
          end();
        }
      }
      case "BYE" -> {
        request.respond(200, "OK", localTag, List.of());
        if (state == State.CONNECTED) {
          hangUpCarrier();
          end();
        }
      }
      default -> {
        LegMedia media = teamsMedia;
        if (media != null
            && (!request.method().equals("INVITE") || !invite.isRepeatedBy(request))) {
          InDialogAnswers.answer(request, localTag, contact(), media, session, holds -> {});
        }
      }
    }
  }

  private void acked(InboundRequest ack) {
    LegMedia media = teamsMedia;
    if (media == null) {
      return;
    }
    try {
      invite.acked(ack, media);
    } catch (MediaRefusedException unusable) {
      LOG.log(System.Logger.Level.WARNING, "answer in ACK unusable: {0}", unusable.getMessage());
      endBoth();
    }
  }

  /** The session expired or the Teams leg is unusable: BYE to Teams, the carrier's leg ends. */
  private void endBoth() {
    if (state == State.CONNECTED) {
      sendBye();
      hangUpCarrier();
      end();
    }
  }

  private void sendBye() {
    Dialog current = dialog;
    if (current != null) {
      context.endpoint().send(current.via(), current.request("BYE"), SipConstants.IGNORE);
    }
  }

  private void refuse(int status, String why) {
    LOG.log(System.Logger.Level.INFO, "Teams call {0} to {1} refused: {2}", lane(), number, why);
    invite
        .request()
        .respond(
            status,
            reason(status),
            localTag,
            List.of(SipHeader.of("Warning", "399 tandem \"" + why + "\"")));
    end();
  }

  private void hangUpCarrier() {
    if (carrierLeg != null) {
      carrierLeg.hangUp();
    }
  }

  private void end() {
    if (state == State.ENDED) {
      return;
    }
    move(State.ENDED);
    invite.stop();
    if (session != null) {
      session.stop();
    }
    if (teamsMedia != null) {
      teamsMedia.close();
    }
    context.calls().remove(lane(), this);
  }

  /** Tandem's Contact towards Microsoft: the SBC FQDN, never an IP (MICROSOFT-CONTRACTS §1.2). */
  private String contact() {
    var point = invite.request().arrivedOn();
    return "<sip:"
        + teams.sbcFqdn()
        + ":"
        + point.port()
        + ";transport="
        + point.transport().token()
        + ">";
  }

  private SipHeader contactHeader() {
    return SipConstants.contact(contact());
  }

  private void move(State next) {
    if (!State.MOVES.get(state).contains(next)) {
      throw new IllegalStateException("Teams call " + lane() + ": " + state + " → " + next);
    }
    state = next;
  }

  private static String reason(int status) {
    return switch (status) {
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 480 -> "Temporarily Unavailable";
      case 486 -> "Busy Here";
      case 487 -> "Request Terminated";
      case 488 -> "Not Acceptable Here";
      case 503 -> "Service Unavailable";
      case 603 -> "Decline";
      default -> status >= 600 ? "Global Failure" : status >= 500 ? "Server Error" : "Refused";
    };
  }
}
