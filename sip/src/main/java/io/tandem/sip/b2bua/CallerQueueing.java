package io.tandem.sip.b2bua;

import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueId;
import io.tandem.sip.stack.InboundRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the domain's events make a caller's call do once it has arrived: music on hold with its
 * position while queued, a call to the offered agent's Teams number ({@link AgentLeg}), the relay
 * once the agent answers and the agent's call control ({@link AgentTalk}) from then on, a forward
 * to a number ({@link CallerForward}), and the end of the call when the domain ends it. Runs on the
 * call's lane.
 */
final class CallerQueueing implements AgentLegListener {

  private static final System.Logger LOG = System.getLogger(CallerQueueing.class.getName());

  /** The start of the reason of an interaction the domain ended by forwarding it to a number. */
  static final String FORWARDED = "forwarded:";

  private final CarrierCall call;
  private final ConnectContext context;
  private @Nullable AgentLeg agentLeg;
  private @Nullable ReservationId reservation;
  private @Nullable AgentTalk talk;
  private @Nullable CallerVoicemail voicemail;
  private @Nullable CallerForward forward;
  private final CallHold hold;
  private final QueuePlaceAnnouncements place;

  CallerQueueing(CarrierCall call, ConnectContext context) {
    this.call = call;
    this.context = context;
    this.hold = new CallHold(call);
    this.place = new QueuePlaceAnnouncements(call, context);
  }

  /** The caller's latest offer in the call holds ({@code true}) or does not. */
  void callerHolds(boolean holds) {
    hold.byCaller(holds);
  }

  @Override
  public void holds(AgentLeg leg, boolean holds) {
    if (leg == agentLeg) {
      hold.byAgent(holds);
    }
  }

  void on(TenantEvent event) {
    switch (event) {
      case InteractionEvent.Queued queued -> queued(queued.queue());
      case InteractionEvent.TransferredToQueue moved -> queued(moved.queue());
      case InteractionEvent.Offered offered -> offered(offered);
      case InteractionEvent.OfferTimedOut timedOut -> withdraw(timedOut.reservation());
      case InteractionEvent.OfferWithdrawn withdrawn -> withdraw(withdrawn.reservation());
      case InteractionEvent.Ended ended when ended.reason().startsWith(FORWARDED) ->
          forward(ended.reason().substring(FORWARDED.length()));
      case InteractionEvent.Ended ended -> call.hangUp();
      case InteractionEvent.Failed failed -> call.hangUp();
      case InteractionEvent.Abandoned abandoned -> call.hangUp();
      case InteractionEvent.CallbackRequested callback -> call.hangUp();
      case InteractionEvent.VoicemailStarted started -> leaveMessage(started.mailbox());
      default -> {
        // Nothing to do on the wire.
      }
    }
  }

  /** The caller leaves a message ({@link CallerVoicemail}); the queue's music stops. */
  private void leaveMessage(String mailbox) {
    InteractionId id = call.interaction();
    if (id == null || voicemail != null) {
      return;
    }
    place.stop();
    voicemail = CallerVoicemail.start(call, context, id, mailbox);
  }

  /**
   * The domain forwarded the caller to {@code number} ({@link CallerForward}): the queue's music
   * stays until it answers, an agent leg ringing is cancelled. A call in no state to forward (with
   * an agent, recording a message) is hung up, as for any other end.
   */
  private void forward(String number) {
    CarrierCallState now = call.state();
    if (voicemail != null
        || forward != null
        || (now != CarrierCallState.IN_FLOW
            && now != CarrierCallState.QUEUED
            && now != CarrierCallState.CONNECTING)) {
      call.hangUp();
      return;
    }
    place.stop();
    AgentLeg ringing = agentLeg;
    agentLeg = null;
    reservation = null;
    if (ringing != null) {
      ringing.hangUp();
    }
    forward = CallerForward.start(call, context, number);
  }

  /**
   * The caller hung up: true when a voicemail recording reports the interaction's end (the message
   * keeps what they said), false when the caller's hang-up is the domain's to hear.
   */
  boolean callerGoneWhileRecording() {
    CallerVoicemail recording = voicemail;
    if (recording == null || !recording.reportsTheEnd()) {
      return false;
    }
    recording.callerGone();
    return true;
  }

  private void queued(QueueId target) {
    if (call.state() == CarrierCallState.IN_FLOW) {
      call.move(CarrierCallState.QUEUED);
    }
    place.start(target);
  }

  private void offered(InteractionEvent.Offered offered) {
    if (call.state() != CarrierCallState.QUEUED && call.state() != CarrierCallState.IN_FLOW) {
      call.tell(t -> t.declineOffer(offered.reservation()));
      return;
    }
    AgentLeg leg = AgentRinging.legFor(call, context, offered, this);
    if (leg == null) {
      return;
    }
    reservation = offered.reservation();
    call.move(CarrierCallState.CONNECTING);
    agentLeg = leg;
    leg.start();
  }

  private void withdraw(ReservationId withdrawn) {
    if (withdrawn.equals(reservation) && agentLeg != null) {
      agentLeg.hangUp();
      agentLeg = null;
      reservation = null;
      if (call.state() == CarrierCallState.CONNECTING) {
        call.move(CarrierCallState.QUEUED);
      }
    }
  }

  @Override
  public void answered(AgentLeg leg) {
    ReservationId accepted = reservation;
    if (leg != agentLeg || accepted == null || call.state() != CarrierCallState.CONNECTING) {
      leg.hangUp();
      return;
    }
    place.stop();
    call.move(CarrierCallState.BRIDGED);
    call.media().relayWith(leg.media());
    talk = new AgentTalk(call, context, this, leg);
    call.tenant()
        .tell(t -> t.acceptOffer(accepted))
        .whenComplete(
            (done, refused) -> {
              if (refused != null) {
                // The offer ended while the agent answered: the agent leg goes, the caller stays.
                LOG.log(System.Logger.Level.INFO, "offer {0} ended before the answer", accepted);
                context.endpoint().execute(call.lane(), () -> unbridge(leg));
              }
            });
  }

  private void unbridge(AgentLeg leg) {
    leg.hangUp();
    hold.agentGone();
    if (agentLeg == leg) {
      agentLeg = null;
      reservation = null;
      AgentTalk ended = talk;
      talk = null;
      if (ended != null) {
        ended.stop();
      }
    }
  }

  /**
   * Carries out the agent's {@code action} on the bridged call ({@link AgentTalk}).
   *
   * @throws CallActionRefused when the call is not with an agent or the talk does not allow it
   */
  void control(CallAction action, @Nullable String number) {
    AgentTalk current = talk;
    if (current == null || call.state() != CarrierCallState.BRIDGED) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW,
          "the call is not with an agent (" + call.state().name().toLowerCase(Locale.ROOT) + ")");
    }
    current.request(action, number);
  }

  /** The agent left and the caller waits in a queue again for the next agent. */
  void requeued(AgentTalk ended) {
    if (talk != ended) {
      return;
    }
    talk = null;
    agentLeg = null;
    reservation = null;
    hold.agentGone();
    call.move(CarrierCallState.QUEUED);
  }

  /** The agent handed the caller to another party: Tandem only relays the call from now on. */
  void handedOver(AgentTalk done) {
    if (talk != done) {
      return;
    }
    agentLeg = null;
    reservation = null;
    hold.agentGone();
    call.move(CarrierCallState.TRANSFERRED);
  }

  /**
   * The agent joined this call to their call to {@code target} in Teams ({@link
   * TeamsConsultTransfer}): the agent leg stays up, carrying the caller to the target through
   * Teams, and the call is no longer the interaction's.
   */
  void joinedInTeams(String target) {
    AgentTalk current = talk;
    if (current != null
        && call.state() == CarrierCallState.BRIDGED
        && current.joinedInTeams(target)) {
      reservation = null;
      hold.agentGone();
      call.move(CarrierCallState.TRANSFERRED);
    }
  }

  @Override
  public void refused(AgentLeg leg, int status) {
    if (leg != agentLeg) {
      return;
    }
    ReservationId refusedOffer = reservation;
    agentLeg = null;
    reservation = null;
    if (call.state() == CarrierCallState.CONNECTING) {
      call.move(CarrierCallState.QUEUED);
    }
    LOG.log(System.Logger.Level.DEBUG, "agent leg of {0} refused: {1}", call.lane(), status);
    if (refusedOffer != null) {
      call.tell(t -> t.declineOffer(refusedOffer));
    }
  }

  @Override
  public void referred(AgentLeg leg, InboundRequest refer) {
    AgentTalk current = talk;
    if (leg == agentLeg && current != null && call.state() == CarrierCallState.BRIDGED) {
      current.referred(refer);
    } else {
      TeamsTransfer.refuse(leg, refer, 603, "Decline", "the call is not with this agent");
    }
  }

  @Override
  public void hungUp(AgentLeg leg) {
    if (leg != agentLeg) {
      return;
    }
    agentLeg = null;
    if (call.state() == CarrierCallState.TRANSFERRED) {
      call.hangUp();
      return;
    }
    AgentTalk current = talk;
    if (current != null && current.agentLeft()) {
      hold.agentGone();
      return;
    }
    InteractionId id = call.interaction();
    call.hangUp();
    if (id != null) {
      call.tell(t -> t.callEnded(id, DisconnectedBy.AGENT));
    }
  }

  /** The call is over: the agent leg, or the forward target's leg, goes too. */
  void stop() {
    place.stop();
    CallerForward forwarded = forward;
    if (forwarded != null) {
      forwarded.stop();
    }
    AgentTalk ended = talk;
    talk = null;
    if (ended != null) {
      ended.stop();
    }
    AgentLeg leg = agentLeg;
    agentLeg = null;
    if (leg != null) {
      leg.hangUp();
    }
  }
}
