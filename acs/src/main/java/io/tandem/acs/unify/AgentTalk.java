package io.tandem.acs.unify;

import io.tandem.acs.events.CallEvent;
import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.TalkControl;
import io.tandem.core.callcontrol.TalkState;
import io.tandem.core.interaction.InteractionId;

/**
 * The agent's control of the caller's call while they talk on Unify: a {@link TalkControl} that
 * decides and records, carried out on ACS by a {@link UnifyTalkWire}, and told what the service
 * reported (the consulted party's invitation answered or refused, the transfer accepted or failed,
 * the consulted party gone from the roster). Confined to the call's lane.
 */
final class AgentTalk {

  static final String CONTEXT = "talk-";

  private final CallerConnection call;
  private final AgentInvitation agent;
  private final UnifyTalkWire wire;
  private final TalkControl control;

  AgentTalk(CallerConnection call, UnifyContext context, AgentInvitation agent) {
    this.call = call;
    this.agent = agent;
    this.wire = new UnifyTalkWire(call, context, this);
    this.control =
        new TalkControl(String.valueOf(call.connectionId()), "the service", wire, context.tenant());
  }

  TalkState state() {
    return control.state();
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
    control.request(action);
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
    Consultation consulted = wire.consulted();
    switch (event) {
      case CallEvent.AddParticipantSucceeded joined when state() == TalkState.CONSULT_RINGING -> {
        consulted.joined();
        control.consultAnswered();
      }
      case CallEvent.AddParticipantSucceeded late -> consulted.removeLate(late.participantRawId());
      case CallEvent.AddParticipantFailed refused when state() == TalkState.CONSULT_RINGING -> {
        consulted.forget();
        control.consultUnanswered(String.valueOf(refused.base().result()));
      }
      case CallEvent.TransferAccepted accepted -> control.transferAnswered();
      case CallEvent.TransferFailed failed ->
          control.transferFailed(String.valueOf(failed.base().result()));
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
    Consultation consulted = wire.consulted();
    if (consulted.target() == null
        || (state() != TalkState.CONSULTING && state() != TalkState.CONFERENCED)
        || consulted.isIn(roster)
        || !roster.contains(call.incoming().fromRawId())
        || !roster.contains(agent.identity().rawId())) {
      return false;
    }
    consulted.forget();
    control.thirdPartyLeft();
    return true;
  }
}
