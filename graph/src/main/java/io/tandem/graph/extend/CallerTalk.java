package io.tandem.graph.extend;

import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.callcontrol.TalkState;
import io.tandem.core.interaction.InteractionId;
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.CommsOperation;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.calls.GraphTarget;
import io.tandem.graph.client.GraphException;
import org.jspecify.annotations.Nullable;

/**
 * The agent's control of the caller's call in stay-in-call mode ({@link TalkState}), the bot being
 * in the call with caller and agent: hold and resume with {@code startHoldMusic}/{@code
 * stopHoldMusic} on the caller's participant; a consultation by inviting the target while the
 * caller holds, a conference by taking the caller off hold music; a blind transfer by inviting the
 * target and removing the agent once it joined; a transfer to the consulted party by removing the
 * agent; a transfer to a queue by removing the agent and queueing the caller again; hang-up by
 * ending the call. Numbers are invited into the caller's call, which belongs to the resource
 * account the caller dialled (Graph reaches PSTN only from such calls). Every outcome is recorded
 * in the tenant through {@code work()}. Confined to the call's lane.
 */
final class CallerTalk {

  static final String CONTEXT = "talk-";
  private static final System.Logger LOG = System.getLogger(CallerTalk.class.getName());

  private final CallerCall call;
  private final GraphCallsApi graph;
  private final String agentParticipant;
  private final Invitee invitee;
  private TalkState state = TalkState.TALKING;
  private boolean callerOnHoldMusic;

  CallerTalk(CallerCall call, String agentParticipant) {
    this.call = call;
    this.graph = call.context().graph();
    this.agentParticipant = agentParticipant;
    this.invitee = new Invitee(call.callId(), graph);
  }

  TalkState state() {
    return state;
  }

  /**
   * Carries out {@code action} as far as the request to Graph.
   *
   * @throws CallActionRefused when the talk's state does not allow it or Graph refused it
   */
  void request(CallAction action) {
    InteractionId id = call.interaction();
    if (id == null) {
      throw new CallActionRefused(CallActionRefused.Reason.NOT_LIVE, "the call has no interaction");
    }
    try {
      switch (action) {
        case CallAction.Hold hold -> hold(id);
        case CallAction.Resume resume -> resume(id);
        case CallAction.Consult consult -> consult(id, consult.target());
        case CallAction.Conference conference -> conference(id);
        case CallAction.Transfer transfer -> transfer(id, transfer.target());
        case CallAction.HangUp hangUp -> hangUp(id);
      }
    } catch (GraphException | RuntimeException failed) {
      if (failed instanceof CallActionRefused refused) {
        throw refused;
      }
      LOG.log(System.Logger.Level.WARNING, action.name() + " refused by Graph", failed);
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW,
          "Graph refused " + action.name() + ": " + failed.getMessage());
    }
  }

  private void hold(InteractionId id) throws GraphException {
    require(state == TalkState.TALKING, "hold");
    holdCaller(true);
    move(TalkState.HOLDING);
    call.tell(tenant -> tenant.work().hold(id));
  }

  private void resume(InteractionId id) throws GraphException {
    switch (state) {
      case HOLDING -> {}
      case CONSULT_RINGING, CONSULTING, CONFERENCED -> invitee.remove();
      default -> throw state.refusal("resume");
    }
    holdCaller(false);
    move(TalkState.TALKING);
    call.tell(tenant -> tenant.work().resume(id));
  }

  private void consult(InteractionId id, CallTarget target) throws GraphException {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "consult");
    GraphTarget graphTarget = graphTarget(target);
    holdCaller(true);
    invitee.invite(target, graphTarget, CONTEXT + "consult");
    move(TalkState.CONSULT_RINGING);
    call.tell(tenant -> tenant.work().consult(id, target.text()));
  }

  private void conference(InteractionId id) throws GraphException {
    require(state == TalkState.CONSULTING, "conference");
    holdCaller(false);
    move(TalkState.CONFERENCED);
    call.tell(tenant -> tenant.work().conference(id));
  }

  private void transfer(InteractionId id, @Nullable CallTarget target) throws GraphException {
    switch (target) {
      case null -> handOverToConsulted(id);
      case CallTarget.Queue queue -> requeue(id, queue);
      default -> blindTransfer(id, target);
    }
  }

  private void blindTransfer(InteractionId id, CallTarget target) throws GraphException {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "transfer");
    invitee.invite(target, graphTarget(target), CONTEXT + "transfer");
    move(TalkState.TRANSFERRING);
    call.tell(tenant -> tenant.work().startTransfer(id, target.text()));
  }

  private void handOverToConsulted(InteractionId id) throws GraphException {
    CallTarget target = invitee.target();
    if (target == null || (state != TalkState.CONSULTING && state != TalkState.CONFERENCED)) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW,
          "a transfer without a target hands the caller to the consulted party; nobody is"
              + " consulted now");
    }
    agentLeaves(id, target);
  }

  private void requeue(InteractionId id, CallTarget.Queue target) throws GraphException {
    require(state == TalkState.TALKING || state == TalkState.HOLDING, "transfer to a queue");
    boolean known =
        call.context().tenant().ask(t -> t.state().queue(target.queue()) != null).join();
    if (!known) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW, "there is no queue " + target.queue());
    }
    graph.removeParticipant(call.callId(), agentParticipant);
    holdCaller(false);
    move(TalkState.DONE);
    call.agentLeftForQueue();
    call.tell(tenant -> tenant.work().transferToQueue(id, target.queue()));
  }

  private void hangUp(InteractionId id) {
    require(state != TalkState.TRANSFERRING && state != TalkState.DONE, "hang-up");
    move(TalkState.DONE);
    call.tell(tenant -> tenant.agentHungUp(id));
    call.hangUp();
  }

  /** Handles one of the talk's operations completing; false if it is not one. */
  boolean completed(CommsOperation operation) {
    String context = operation.clientContext();
    if (context == null || !context.startsWith(CONTEXT)) {
      return false;
    }
    InteractionId id = call.interaction();
    if (id != null && invitee.isInvitation(operation)) {
      if (operation.status() == CommsOperation.Status.FAILED) {
        String why = String.valueOf(operation.resultInfo());
        invitee.forget();
        if (state == TalkState.CONSULT_RINGING) {
          LOG.log(System.Logger.Level.INFO, "consultation not answered: {0}", why);
          consultEnded(id);
        } else if (state == TalkState.TRANSFERRING) {
          releaseCaller();
          move(TalkState.TALKING);
          call.tell(tenant -> tenant.work().transferFailed(id, why));
        }
      } else if (operation.status() == CommsOperation.Status.COMPLETED) {
        inviteeJoined(id);
      }
    }
    return true;
  }

  /** Who is in the call changed: the invitee joined or left, or the agent left. */
  void roster(CallSignal.RosterUpdated roster) {
    InteractionId id = call.interaction();
    if (id == null || state == TalkState.DONE) {
      return;
    }
    if (invitee.joinedIn(roster)) {
      inviteeJoined(id);
    } else if (invitee.leftFrom(roster)) {
      invitee.forget();
      if (state == TalkState.CONSULTING || state == TalkState.CONFERENCED) {
        consultEnded(id);
      }
    }
    if (!roster.contains(agentParticipant) && state != TalkState.DONE) {
      invitee.remove();
      move(TalkState.DONE);
      call.tell(tenant -> tenant.agentHungUp(id));
      call.hangUp();
    }
  }

  private void inviteeJoined(InteractionId id) {
    if (state == TalkState.CONSULT_RINGING) {
      move(TalkState.CONSULTING);
    } else if (state == TalkState.TRANSFERRING) {
      CallTarget target = invitee.target();
      agentLeaves(id, null);
      LOG.log(System.Logger.Level.DEBUG, "call {0} transferred to {1}", call.callId(), target);
    }
  }

  /**
   * The agent is removed and the caller talks on with the invitee; {@code handedTo} is named as the
   * transfer's target when no transfer was started before (the hand-over to a consulted party).
   */
  private void agentLeaves(InteractionId id, @Nullable CallTarget handedTo) {
    try {
      graph.removeParticipant(call.callId(), agentParticipant);
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "removing the agent refused", failed);
    }
    releaseCaller();
    move(TalkState.DONE);
    call.tell(
        tenant -> {
          if (handedTo != null) {
            tenant.work().startTransfer(id, handedTo.text());
          }
          tenant.work().transferCompleted(id);
        });
    call.passedOn();
  }

  /** The consultation is over without the consulted party: back to holding, or to talking. */
  private void consultEnded(InteractionId id) {
    if (state == TalkState.CONFERENCED) {
      move(TalkState.TALKING);
      call.tell(tenant -> tenant.work().resume(id));
    } else {
      move(TalkState.HOLDING);
      call.tell(tenant -> tenant.work().hold(id));
    }
  }

  /** Takes the caller off hold music after an outcome nobody asked for; a refusal is logged. */
  private void releaseCaller() {
    try {
      holdCaller(false);
    } catch (GraphException | RuntimeException refused) {
      LOG.log(System.Logger.Level.DEBUG, "stopHoldMusic refused on call " + call.callId(), refused);
    }
  }

  private void holdCaller(boolean on) throws GraphException {
    if (callerOnHoldMusic == on) {
      return;
    }
    String caller = call.callerParticipant();
    if (caller == null) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW, "the caller is not in the call's roster yet");
    }
    if (on) {
      graph.startHoldMusic(call.callId(), caller, CONTEXT + "hold");
    } else {
      graph.stopHoldMusic(call.callId(), caller, CONTEXT + "resume");
    }
    callerOnHoldMusic = on;
  }

  private GraphTarget graphTarget(CallTarget target) {
    return switch (target) {
      case CallTarget.TeamsUser user -> new GraphTarget.TeamsUser(user.objectId(), user.text());
      case CallTarget.PhoneNumber number -> {
        if (call.applicationInstanceId() == null) {
          throw new CallActionRefused(
              CallActionRefused.Reason.UNSUPPORTED,
              "this call reached the bot itself, not a resource account: Graph reaches numbers"
                  + " only from a resource account's calls");
        }
        yield new GraphTarget.Phone(number.e164());
      }
      case CallTarget.Queue queue ->
          throw new CallActionRefused(
              CallActionRefused.Reason.UNSUPPORTED, "a queue is not invited into a call");
    };
  }

  private void require(boolean allowed, String action) {
    if (!allowed) {
      throw state.refusal(action);
    }
  }

  private void move(TalkState next) {
    state = state.moveTo(next, call.callId());
  }
}
