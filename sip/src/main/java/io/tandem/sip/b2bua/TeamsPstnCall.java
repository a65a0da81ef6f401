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
 * cancels the carrier's leg (487), a BYE from either side ends the other. An INVITE with Replaces
 * naming the answered Teams-side dialog (the user joined this call to another in Teams) moves the
 * Teams side to the new dialog ({@link TeamsSideDialog}), and the agent who placed the call, if on
 * a contact-center call, has transferred that call ({@link TeamsConsultTransfer}). No interaction:
 * this is an SBC's work, not a contact-center call. Runs on the call's lane (the first INVITE's
 * Call-ID).
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
  private @Nullable TeamsSideDialog side;

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

  io.tandem.core.tenant.TenantId tenant() {
    return teams.tenant();
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
    side =
        TeamsSideDialog.answer(
            context,
            lane(),
            this,
            invite,
            localTag,
            media,
            contact(invite.request()),
            sessionTerms,
            this::endBoth,
            () -> {
              leg.hangUp();
              end();
            });
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
    if (state == State.CONNECTED && side != null) {
      side.bye();
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

  /**
   * An INVITE with Replaces naming this call's Call-ID, from Microsoft ({@code terms}: the session
   * timer it asks for): while the call rings it names an early dialog Microsoft initiated (481, RFC
   * 3891 §3); once answered, {@link TeamsSideDialog#replacedBy}.
   */
  void onReplacingInvite(
      InboundRequest request, Replaces replaces, SessionTimer.@Nullable Terms terms) {
    context
        .endpoint()
        .execute(
            lane(),
            () -> {
              if (state == State.CONNECTED && side != null && teamsMedia != null) {
                side.replacedBy(request, replaces, terms, teamsMedia, this::contact, this::endBoth);
              } else {
                replaces.refused(
                    request,
                    null,
                    state == State.DIALLING
                        && replaces.names(lane(), localTag, invite.request().from().tag()));
              }
            });
  }

  /** The Teams user joined this call to another: the agent among them has transferred it. */
  private void joined(InboundRequest replacing) {
    TeamsConsultTransfer.completed(
        context, teams.tenant(), lane(), replacing, invite.callerNumber(), number);
  }

  private void inDialog(InboundRequest request) {
    TeamsSideDialog answered = side;
    LegMedia media = teamsMedia;
    if (answered != null
        && media != null
        && answered.inReplacing(request, media, this::joined, this::endBoth)) {
      return;
    }
    String tag = answered == null ? localTag : answered.localTag();
    switch (request.method()) {
      case "ACK" -> {
        if (answered != null && media != null && !answered.acked(request, media)) {
          endBoth();
        }
      }
      case "CANCEL" -> {
        request.respond(200, "OK", tag, List.of());
        if (state == State.DIALLING) {
          invite.request().respond(487, "Request Terminated", localTag, List.of(contactHeader()));
          hangUpCarrier();
          end();
        }
      }
      case "BYE" -> {
        request.respond(200, "OK", tag, List.of());
        if (state == State.CONNECTED && (answered == null || !answered.replacing())) {
          hangUpCarrier();
          end();
        }
      }
      default -> {
        if (answered != null && media != null) {
          answered.answer(request, media, contact(request));
        } else if (media != null
            && !(request.method().equals("INVITE") && invite.isRepeatedBy(request))) {
          InDialogAnswers.answer(request, localTag, contact(request), media, null, holds -> {});
        }
      }
    }
  }

  /** The session expired or the Teams leg is unusable: BYE to Teams, the carrier's leg ends. */
  private void endBoth() {
    if (state == State.CONNECTED && side != null) {
      side.bye();
      hangUpCarrier();
      end();
    }
  }

  private void refuse(int status, String why) {
    LOG.log(System.Logger.Level.INFO, "Teams call {0} to {1} refused: {2}", lane(), number, why);
    invite
        .request()
        .respond(
            status,
            ReasonPhrase.of(status),
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
    if (side != null) {
      side.stop();
    }
    if (teamsMedia != null) {
      teamsMedia.close();
    }
    context.calls().remove(lane(), this);
  }

  private SipHeader contactHeader() {
    return SipConstants.contact(contact(invite.request()));
  }

  /**
   * Tandem's Contact towards Microsoft for {@code request}'s dialog: the SBC FQDN, never an IP
   * (MICROSOFT-CONTRACTS §1.2).
   */
  private String contact(InboundRequest request) {
    var point = request.arrivedOn();
    return "<sip:%s:%d;transport=%s>"
        .formatted(teams.sbcFqdn(), point.port(), point.transport().token());
  }

  private void move(State next) {
    if (!State.MOVES.get(state).contains(next)) {
      throw new IllegalStateException("Teams call " + lane() + ": " + state + " → " + next);
    }
    state = next;
  }
}
