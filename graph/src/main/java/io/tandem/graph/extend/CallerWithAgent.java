package io.tandem.graph.extend;

import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.CommsOperation;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A caller's call while the bot stays in it with people (stay-in-call mode): the roster as Graph
 * last reported it, the agent's control of the talk ({@link CallerTalk}) while the agent is in, and
 * the call after the agent handed the caller on (the bot hangs up once the caller is alone). Runs
 * on the call's lane.
 */
final class CallerWithAgent {

  private final CallerCall call;
  private CallSignal.@Nullable RosterUpdated roster;
  private @Nullable CallerTalk talk;

  CallerWithAgent(CallerCall call) {
    this.call = call;
  }

  /** The agent (participant {@code agentParticipant}) was taken: the talk starts. */
  void start(String agentParticipant) {
    talk = new CallerTalk(call, agentParticipant);
    call.move(CallerCallState.WITH_AGENT);
  }

  @Nullable CallerTalk talk() {
    return talk;
  }

  /**
   * Carries out the agent's {@code action}, on the lane; the stage fails with {@link
   * CallActionRefused} when the call's mode or state does not allow it.
   */
  CompletableFuture<Void> control(CallAction action, OfferMode mode) {
    CompletableFuture<Void> accepted = new CompletableFuture<>();
    call.onLane(
        () -> {
          CallerTalk current = talk;
          CallerCallState state = call.state();
          try {
            if (mode == OfferMode.HAND_OVER) {
              throw new CallActionRefused(
                  CallActionRefused.Reason.UNSUPPORTED,
                  "this Extend bot hands calls over to the agent's Teams call"
                      + " (tandem.extend.offer-mode=hand-over); "
                      + action.name()
                      + " is done in Teams, not through Tandem");
            }
            if (state != CallerCallState.WITH_AGENT || current == null) {
              throw new CallActionRefused(
                  CallActionRefused.Reason.NOT_NOW,
                  "the call is not with an agent (" + state.name().toLowerCase(Locale.ROOT) + ")");
            }
            current.request(action);
            accepted.complete(null);
          } catch (CallActionRefused refused) {
            accepted.completeExceptionally(refused);
          }
        });
    return accepted;
  }

  /** Graph reported the roster: the talk hears of it; a caller left alone is hung up. */
  void roster(CallSignal.RosterUpdated now) {
    roster = now;
    CallerTalk current = talk;
    if (call.state() == CallerCallState.WITH_AGENT && current != null) {
      current.roster(now);
    } else if (call.state() == CallerCallState.PASSED_ON && people(now) < 2) {
      call.hangUp();
    }
  }

  /** Handles one of the talk's operations; false if it is not one. */
  boolean completed(CommsOperation operation) {
    CallerTalk current = talk;
    return current != null && current.completed(operation);
  }

  /** The agent left and the caller waits in a queue again. */
  void agentLeftForQueue() {
    talk = null;
    call.move(CallerCallState.QUEUED);
  }

  /** The agent handed the caller on to an invitee and left. */
  void passedOn() {
    talk = null;
    call.move(CallerCallState.PASSED_ON);
  }

  /** The caller's participant id in the last roster, if they are in it. */
  @Nullable String callerParticipant(@Nullable String number, @Nullable String userId) {
    CallSignal.@Nullable RosterUpdated last = roster;
    if (last == null) {
      return null;
    }
    for (CallSignal.Participant participant : last.participants()) {
      if ((number != null && number.equals(participant.phone()))
          || (userId != null && userId.equalsIgnoreCase(participant.userId()))) {
        return participant.id();
      }
    }
    return null;
  }

  private static int people(CallSignal.RosterUpdated roster) {
    return (int) roster.participants().stream().filter(p -> p.applicationId() == null).count();
  }
}
