package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.Transfer;
import io.tandem.acs.events.CallEvent;
import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.callcontrol.TalkState;
import io.tandem.core.interaction.InteractionId;
import org.jspecify.annotations.Nullable;

/**
 * The agent's control of the caller's call while they talk ({@link TalkState}): hold and resume
 * with ACS {@code hold}/{@code unhold}; a consultation by inviting the consulted party while the
 * caller holds, a conference by taking the caller off hold; a blind transfer with {@code
 * transferToParticipant} (the caller is the transferee); a consultative transfer by taking the
 * agent out and leaving caller and consulted party to talk on; a transfer to a queue by taking the
 * agent out and queueing the caller again. Every outcome is recorded in the tenant through {@code
 * work()}. Confined to the call's lane.
 */
final class AgentTalk {

  static final String CONTEXT = "talk-";
  private static final System.Logger LOG = System.getLogger(AgentTalk.class.getName());
  private static final String TRANSFER = CONTEXT + "transfer-";

  private final CallerConnection call;
  private final UnifyContext context;
  private final AgentInvitation agent;
  private TalkState state = TalkState.TALKING;
  private final Consultation consulted;
  private final CallerHold callerHold;
  private int sequence;

  AgentTalk(CallerConnection call, UnifyContext context, AgentInvitation agent) {
    this.call = call;
    this.context = context;
    this.agent = agent;
    this.consulted = new Consultation(call, context);
    this.callerHold = new CallerHold(call, context);
  }

  TalkState state() {
    return state;
  }

  AgentInvitation agent() {
    return agent;
  }

  /**
   * Carries out {@code action} as far as the request to the service.
   *
   * @throws CallActionRefused when the talk's state does not allow it or the service refused it
   */
  void request(CallAction action) {
    InteractionId id = interaction();
    try {
      switch (action) {
        case CallAction.Hold hold -> hold(id);
        case CallAction.Resume resume -> resume(id);
        case CallAction.Consult consult -> consult(id, consult.target());
        case CallAction.Conference conference -> conference(id);
        case CallAction.Transfer transfer -> transfer(id, transfer.target());
        case CallAction.HangUp hangUp -> hangUp(id);
      }
    } catch (AcsException | RuntimeException failed) {
      if (failed instanceof CallActionRefused refused) {
        throw refused;
      }
      LOG.log(System.Logger.Level.WARNING, action.name() + " refused by the service", failed);
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW,
          "the service refused " + action.name() + ": " + failed.getMessage());
    }
  }

  private void hold(InteractionId id) throws AcsException {
    require(state == TalkState.TALKING, "hold");
    callerHold.hold();
    move(TalkState.HOLDING);
    call.tell(tenant -> tenant.work().hold(id));
  }

  private void resume(InteractionId id) throws AcsException {
    switch (state) {
      case HOLDING -> {}
      case CONSULT_RINGING -> consulted.cancel();
      case CONSULTING, CONFERENCED -> consulted.remove();
      default -> throw state.refusal("resume");
    }
    callerHold.release();
    move(TalkState.TALKING);
    call.tell(tenant -> tenant.work().resume(id));
  }

  private void consult(InteractionId id, CallTarget target) throws AcsException {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "consult");
    Consultation.identifier(target);
    callerHold.hold();
    consulted.invite(target);
    move(TalkState.CONSULT_RINGING);
    call.tell(tenant -> tenant.work().consult(id, target.text()));
  }

  private void conference(InteractionId id) throws AcsException {
    require(state == TalkState.CONSULTING, "conference");
    callerHold.release();
    move(TalkState.CONFERENCED);
    call.tell(tenant -> tenant.work().conference(id));
  }

  private void transfer(InteractionId id, @Nullable CallTarget target) throws AcsException {
    switch (target) {
      case null -> handOverToConsulted(id);
      case CallTarget.Queue queue -> requeue(id, queue);
      default -> blindTransfer(id, target);
    }
  }

  private void blindTransfer(InteractionId id, CallTarget target) throws AcsException {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "transfer");
    context
        .acs()
        .transferToParticipant(
            call.connectionId(),
            new Transfer(
                Consultation.identifier(target),
                call.callerIdentifier(),
                call.incoming().callerNumber(),
                null,
                TRANSFER + (++sequence)));
    move(TalkState.TRANSFERRING);
    call.tell(tenant -> tenant.work().startTransfer(id, target.text()));
  }

  private void handOverToConsulted(InteractionId id) throws AcsException {
    CallTarget target = consulted.target();
    if (target == null || (state != TalkState.CONSULTING && state != TalkState.CONFERENCED)) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW,
          "a transfer without a target hands the caller to the consulted party; nobody is"
              + " consulted now");
    }
    context.acs().removeParticipant(call.connectionId(), agent.identity(), CONTEXT + "leave");
    callerHold.release();
    move(TalkState.DONE);
    call.tell(
        tenant -> {
          tenant.work().startTransfer(id, target.text());
          tenant.work().transferCompleted(id);
        });
    call.withAgent().leave();
  }

  private void requeue(InteractionId id, CallTarget.Queue target) throws AcsException {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "transfer to a queue");
    boolean known =
        context.tenant().ask(tenant -> tenant.state().queue(target.queue()) != null).join();
    if (!known) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW, "there is no queue " + target.queue());
    }
    context.acs().removeParticipant(call.connectionId(), agent.identity(), CONTEXT + "requeue");
    callerHold.release();
    move(TalkState.DONE);
    call.withAgent().requeued(this);
    call.tell(tenant -> tenant.work().transferToQueue(id, target.queue()));
  }

  private void hangUp(InteractionId id) {
    require(state != TalkState.TRANSFERRING && state != TalkState.DONE, "hang-up");
    move(TalkState.DONE);
    call.tell(tenant -> tenant.agentHungUp(id));
    call.hangUp();
  }

  /** Handles a callback about one of the talk's operations; false if it is not one. */
  boolean handled(CallEvent event) {
    String operation = event.operationContext();
    if (operation == null || !operation.startsWith(CONTEXT)) {
      return false;
    }
    InteractionId id = call.interaction();
    if (id == null) {
      return true;
    }
    switch (event) {
      case CallEvent.AddParticipantSucceeded joined when state == TalkState.CONSULT_RINGING -> {
        consulted.joined();
        move(TalkState.CONSULTING);
      }
      case CallEvent.AddParticipantSucceeded late -> consulted.removeLate(late.participantRawId());
      case CallEvent.AddParticipantFailed refused when state == TalkState.CONSULT_RINGING -> {
        LOG.log(
            System.Logger.Level.INFO, "consultation not answered: {0}", refused.base().result());
        consultEnded(id);
      }
      case CallEvent.TransferAccepted accepted when state == TalkState.TRANSFERRING -> {
        move(TalkState.DONE);
        call.tell(tenant -> tenant.work().transferCompleted(id));
        call.end(true);
      }
      case CallEvent.TransferFailed failed when state == TalkState.TRANSFERRING -> {
        String why = String.valueOf(failed.base().result());
        try {
          callerHold.release();
        } catch (AcsException | RuntimeException refused) {
          LOG.log(System.Logger.Level.DEBUG, "unhold after a failed transfer refused", refused);
        }
        move(TalkState.TALKING);
        call.tell(tenant -> tenant.work().transferFailed(id, why));
      }
      default -> {
        // A late or already settled outcome: nothing changes.
      }
    }
    return true;
  }

  /**
   * Someone left the call while caller and agent talked; returns true if the talk absorbed it (the
   * consulted party left), false if the call ends (the caller or the agent left).
   */
  boolean left(CallRoster roster) {
    if (consulted.target() == null
        || (state != TalkState.CONSULTING && state != TalkState.CONFERENCED)
        || consulted.isIn(roster)
        || !roster.contains(call.incoming().fromRawId())
        || !roster.contains(agent.identity().rawId())) {
      return false;
    }
    InteractionId id = call.interaction();
    if (id != null) {
      consultEnded(id);
    }
    return true;
  }

  /** The consultation is over without the consulted party: back to holding, or to talking. */
  private void consultEnded(InteractionId id) {
    boolean wasConference = state == TalkState.CONFERENCED;
    consulted.forget();
    if (wasConference) {
      move(TalkState.TALKING);
      call.tell(tenant -> tenant.work().resume(id));
    } else {
      move(TalkState.HOLDING);
      call.tell(tenant -> tenant.work().hold(id));
    }
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
    state = state.moveTo(next, call.connectionId());
  }
}
