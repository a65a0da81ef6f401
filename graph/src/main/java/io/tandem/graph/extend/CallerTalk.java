package io.tandem.graph.extend;

import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.TalkControl;
import io.tandem.core.callcontrol.TalkState;
import io.tandem.core.interaction.InteractionId;
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.CommsOperation;

/**
 * The agent's control of the caller's call in stay-in-call mode: a {@link TalkControl} that decides
 * and records, carried out on Graph by an {@link ExtendTalkWire}, and told what Graph reported (the
 * invitation's operation completed or failed, the invitee joined or left the roster, the agent left
 * it). Confined to the call's lane.
 */
final class CallerTalk {

  static final String CONTEXT = "talk-";

  private final CallerCall call;
  private final ExtendTalkWire wire;
  private final TalkControl control;

  CallerTalk(CallerCall call, String agentParticipant) {
    this.call = call;
    this.wire = new ExtendTalkWire(call, agentParticipant);
    this.control = new TalkControl(call.callId(), "Graph", wire, call.context().tenant());
  }

  TalkState state() {
    return control.state();
  }

  /**
   * Carries out {@code action} as far as the request to Graph.
   *
   * @throws CallActionRefused when the talk's state does not allow it or Graph refused it
   */
  void request(CallAction action) {
    control.request(action);
  }

  /** Handles one of the talk's operations completing; false if it is not one. */
  boolean completed(CommsOperation operation) {
    String context = operation.clientContext();
    if (context == null || !context.startsWith(CONTEXT)) {
      return false;
    }
    Invitee invitee = wire.invitee();
    if (call.interaction() != null && invitee.isInvitation(operation)) {
      if (operation.status() == CommsOperation.Status.FAILED) {
        String why = String.valueOf(operation.resultInfo());
        invitee.forget();
        if (!control.consultUnanswered(why)) {
          control.transferFailed(why);
        }
      } else if (operation.status() == CommsOperation.Status.COMPLETED) {
        inviteeJoined();
      }
    }
    return true;
  }

  /** Who is in the call changed: the invitee joined or left, or the agent left. */
  void roster(CallSignal.RosterUpdated roster) {
    InteractionId id = call.interaction();
    if (id == null || state() == TalkState.DONE) {
      return;
    }
    Invitee invitee = wire.invitee();
    if (invitee.joinedIn(roster)) {
      inviteeJoined();
    } else if (invitee.leftFrom(roster)) {
      invitee.forget();
      control.thirdPartyLeft();
    }
    if (!roster.contains(wire.agentParticipant())) {
      control.agentLeft();
    }
  }

  private void inviteeJoined() {
    if (!control.consultAnswered()) {
      control.transferAnswered();
    }
  }
}
