package io.tandem.sip.b2bua;

import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.callcontrol.TalkState;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionId;
import io.tandem.sip.stack.InboundRequest;
import org.jspecify.annotations.Nullable;

/**
 * The agent's control of a bridged Connect call ({@link TalkState}), carried out by Tandem as the
 * B2BUA in its own media and with new Direct Routing legs: hold stops the relay, plays music on
 * hold to the caller and silence to the agent (no re-INVITE: the agent asked for the hold from the
 * agent app, so Teams is not told its call is held, and the silence keeps Teams' RTP flowing); a
 * consultation or a blind transfer calls the target's number as the tenant's SBC while the caller
 * holds; a conference mixes the three legs; a hand-over relays the caller to the other party and
 * sends BYE to the agent; a transfer to a queue sends BYE to the agent and queues the caller with
 * music again. Every outcome is recorded in the tenant through {@code work()}. Runs on the call's
 * lane.
 */
final class AgentTalk implements AgentLegListener {

  private final CarrierCall call;
  private final CallerQueueing queueing;
  private final ConnectContext context;
  private final AgentLeg agent;
  private TalkState state = TalkState.TALKING;
  private final ThirdParty other;
  private @Nullable TeamsTransfer referral;
  private boolean agentLeft;

  AgentTalk(CarrierCall call, ConnectContext context, CallerQueueing queueing, AgentLeg agent) {
    this.call = call;
    this.queueing = queueing;
    this.context = context;
    this.agent = agent;
    this.other = new ThirdParty(call, context);
  }

  /**
   * Carries out {@code action}; {@code number} is the Teams or phone number its target is dialled
   * at (null without a target, or for a queue).
   *
   * @throws CallActionRefused when the talk's state does not allow it, with nothing changed
   */
  void request(CallAction action, @Nullable String number) {
    InteractionId id = interaction();
    switch (action) {
      case CallAction.Hold hold -> hold(id);
      case CallAction.Resume resume -> resume(id);
      case CallAction.Consult consult -> consult(id, consult.target(), required(number));
      case CallAction.Conference conference -> conference(id);
      case CallAction.Transfer transfer -> transfer(id, transfer.target(), number);
      case CallAction.HangUp hangUp -> hangUp(id);
    }
  }

  private void hold(InteractionId id) {
    require(state == TalkState.TALKING, "hold");
    holdCaller();
    move(TalkState.HOLDING);
    call.tell(t -> t.work().hold(id));
  }

  private void resume(InteractionId id) {
    switch (state) {
      case HOLDING -> {}
      case CONSULT_RINGING, CONSULTING, CONFERENCED -> other.drop();
      default -> throw state.refusal("resume");
    }
    call.media().relayWith(agent.media());
    move(TalkState.TALKING);
    call.tell(t -> t.work().resume(id));
  }

  private void consult(InteractionId id, CallTarget target, String number) {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "consult");
    other.dial(target, number, this, this::unanswered);
    holdCaller();
    move(TalkState.CONSULT_RINGING);
    call.tell(t -> t.work().consult(id, target.text()));
  }

  private void conference(InteractionId id) {
    AgentLeg consulted = other.leg();
    require(state == TalkState.CONSULTING && consulted != null, "conference");
    other.conference(call.media(), agent.media());
    move(TalkState.CONFERENCED);
    call.tell(t -> t.work().conference(id));
  }

  private void transfer(InteractionId id, @Nullable CallTarget target, @Nullable String number) {
    switch (target) {
      case null -> handOverToConsulted(id);
      case CallTarget.Queue queue -> requeue(id, queue);
      default -> blindTransfer(id, target, required(number));
    }
  }

  private void blindTransfer(InteractionId id, CallTarget target, String number) {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "transfer");
    other.dial(target, number, this, this::unanswered);
    holdCaller();
    move(TalkState.TRANSFERRING);
    call.tell(t -> t.work().startTransfer(id, target.text()));
  }

  /**
   * Teams' REFER on the agent's leg: the agent transfers the caller in Teams ({@link
   * TeamsTransfer}).
   */
  void referred(InboundRequest refer) {
    InteractionId id = call.interaction();
    if (id == null || (state != TalkState.TALKING && state != TalkState.HOLDING)) {
      TeamsTransfer.refuse(agent, refer, 603, "Decline", "no transfer now: the call is " + state);
      return;
    }
    TeamsTransfer started = TeamsTransfer.start(agent, refer, other, this, this::unanswered);
    if (started == null) {
      return;
    }
    referral = started;
    holdCaller();
    move(TalkState.TRANSFERRING);
    call.tell(t -> t.work().startTransfer(id, started.target()));
  }

  /**
   * Teams ended the agent's leg; {@code true} when a running transfer goes on without the agent
   * (the caller holds until the target answers, and is hung up if it does not).
   */
  boolean agentLeft() {
    if (state != TalkState.TRANSFERRING) {
      return false;
    }
    agentLeft = true;
    if (referral != null) {
      referral.agentGone();
    }
    return true;
  }

  private void handOverToConsulted(InteractionId id) {
    AgentLeg consulted = other.leg();
    CallTarget target = other.target();
    if (consulted == null
        || target == null
        || (state != TalkState.CONSULTING && state != TalkState.CONFERENCED)) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW,
          "a transfer without a target hands the caller to the consulted party; nobody is"
              + " consulted now");
    }
    handOver(consulted);
    transferred(id, target.text());
  }

  /**
   * The agent joined the caller to {@code target} in Teams ({@link TeamsConsultTransfer}): the
   * relay to the agent leg goes on (Teams carries it to the target) and the transfer is recorded as
   * completed; false, with nothing changed, while a consultation or transfer runs.
   */
  boolean joinedInTeams(String target) {
    InteractionId id = call.interaction();
    if (id == null || (state != TalkState.TALKING && state != TalkState.HOLDING)) {
      return false;
    }
    call.media().relayWith(agent.media());
    move(TalkState.DONE);
    transferred(id, target);
    return true;
  }

  /** Records a transfer to {@code target} that started and completed at once. */
  private void transferred(InteractionId id, String target) {
    call.tell(
        t -> {
          t.work().startTransfer(id, target);
          t.work().transferCompleted(id);
        });
  }

  private void requeue(InteractionId id, CallTarget.Queue target) {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "transfer to a queue");
    call.media().unrelay();
    call.media().holdMusic(0, null);
    agent.hangUp();
    move(TalkState.DONE);
    queueing.requeued(this);
    call.tell(t -> t.work().transferToQueue(id, target.queue()));
  }

  private void hangUp(InteractionId id) {
    require(state != TalkState.TRANSFERRING && state != TalkState.DONE, "hang-up");
    other.drop();
    move(TalkState.DONE);
    call.tell(t -> t.agentHungUp(id));
    call.hangUp();
  }

  /** The caller is relayed to {@code to} and the agent's leg gets BYE: Tandem only relays now. */
  private void handOver(AgentLeg to) {
    other.answered();
    other.unmix();
    call.media().relayWith(to.media());
    TeamsTransfer teams = takeReferral();
    if (teams == null) {
      agent.hangUp();
    } else {
      teams.completed(context, call.lane());
    }
    move(TalkState.DONE);
    queueing.handedOver(this);
  }

  @Override
  public void answered(AgentLeg leg) {
    if (!other.is(leg)) {
      leg.hangUp();
      return;
    }
    other.answered();
    InteractionId id = interaction();
    switch (state) {
      case CONSULT_RINGING -> {
        agent.media().relayWith(leg.media());
        move(TalkState.CONSULTING);
      }
      case TRANSFERRING -> {
        handOver(leg);
        call.tell(t -> t.work().transferCompleted(id));
      }
      default -> other.drop();
    }
  }

  @Override
  public void refused(AgentLeg leg, int status) {
    if (other.is(leg)) {
      notReached(status, "sip-" + status);
    }
  }

  private void unanswered(AgentLeg leg) {
    if (other.is(leg) && (state == TalkState.CONSULT_RINGING || state == TalkState.TRANSFERRING)) {
      other.drop();
      notReached(408, "no-answer");
    }
  }

  /** The consulted party or the transfer target was not reached: the caller holds, or talks. */
  private void notReached(int status, String why) {
    other.forget();
    InteractionId id = interaction();
    switch (state) {
      case CONSULT_RINGING -> {
        move(TalkState.HOLDING);
        call.tell(t -> t.work().hold(id));
      }
      case TRANSFERRING -> {
        referralFailed(status);
        if (agentLeft) {
          move(TalkState.DONE);
          call.tell(
              t -> {
                t.work().transferFailed(id, why);
                t.callEnded(id, DisconnectedBy.AGENT);
              });
          call.hangUp();
          return;
        }
        call.media().relayWith(agent.media());
        move(TalkState.TALKING);
        call.tell(t -> t.work().transferFailed(id, why));
      }
      default -> {
        // Already settled.
      }
    }
  }

  @Override
  public void hungUp(AgentLeg leg) {
    if (!other.is(leg)) {
      return;
    }
    other.forget();
    InteractionId id = interaction();
    switch (state) {
      case CONSULTING -> {
        agent.media().quiet();
        move(TalkState.HOLDING);
        call.tell(t -> t.work().hold(id));
      }
      case CONFERENCED -> {
        other.unmix();
        call.media().relayWith(agent.media());
        move(TalkState.TALKING);
        call.tell(t -> t.work().resume(id));
      }
      case DONE -> call.hangUp();
      default -> {
        // Not answered yet: the leg reports refused instead.
      }
    }
  }

  @Override
  public void holds(AgentLeg leg, boolean holds) {
    // A consulted party's or transfer target's hold is theirs, not the interaction's.
  }

  /** The call is over: the consulted party or transfer target goes too. */
  void stop() {
    referralFailed(487);
    other.drop();
    if (state != TalkState.DONE) {
      move(TalkState.DONE);
    }
  }

  private void holdCaller() {
    call.media().unrelay();
    call.media().holdMusic(0, null);
    agent.media().quiet();
  }

  /** The Teams transfer running, if any, which is no longer the talk's to settle. */
  private @Nullable TeamsTransfer takeReferral() {
    TeamsTransfer teams = referral;
    referral = null;
    return teams;
  }

  /** A Teams transfer running failed ({@code status} goes in its final NOTIFY). */
  private void referralFailed(int status) {
    TeamsTransfer teams = takeReferral();
    if (teams != null) {
      teams.failed(status);
    }
  }

  private static String required(@Nullable String number) {
    if (number == null) {
      throw new CallActionRefused(CallActionRefused.Reason.UNSUPPORTED, "no number to dial");
    }
    return number;
  }

  private InteractionId interaction() {
    InteractionId id = call.interaction();
    if (id == null) {
      throw new CallActionRefused(CallActionRefused.Reason.NOT_LIVE, "the call has no interaction");
    }
    return id;
  }

  private void require(boolean allowed, String action) {
    if (!allowed) {
      throw state.refusal(action);
    }
  }

  private void move(TalkState next) {
    state = state.moveTo(next, "call " + call.lane());
  }
}
