package io.tandem.emulator.acs;

import io.tandem.emulator.journal.Channel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The targets of one CreateCall ringing at once (the SDKs' {@code createGroupCall}, REST {@code
 * targets} with several entries; learn.microsoft.com "How to control and steer calls with Call
 * Automation": "You can place a 1:1 or group call"). Every target rings; the call connects when the
 * first answers (CallConnected, then ParticipantsUpdated with that participant); each later answer
 * joins the call (ParticipantsUpdated to every connection). The call fails (CreateCallFailed with
 * the last target's reason) only when every target failed before any answered; a target that fails
 * after the call connected just never joins (journal {@code call.targetFailed}; Microsoft documents
 * no event for it). A participant hanging up leaves the call; with nobody left the call ends and
 * the targets still ringing stop. Thread-safe: ringing outcomes arrive on scheduler threads; the
 * decision is taken under this object's lock, the events are sent outside it.
 */
final class GroupCallTargets {

  /** Where the call is: ringing its targets, connected, or failed before anyone answered. */
  enum State {
    RINGING,
    CONNECTED,
    FAILED
  }

  private final AcsCall call;
  private final Calls calls;
  private final @Nullable String operationContext;
  private int stillRinging;
  private State state = State.RINGING;

  GroupCallTargets(AcsCall call, Calls calls, @Nullable String operationContext, List<?> targets) {
    this.call = call;
    this.calls = calls;
    this.operationContext = operationContext;
    this.stillRinging = targets.size();
  }

  /** The listener for {@code target}'s ringing. */
  Ringer.Listener listenerFor(CommunicationIdentifier target) {
    return new Ringer.Listener() {
      @Override
      public void answered(Ringer.Ring leg) {
        GroupCallTargets.this.answered(target, leg);
      }

      @Override
      public void failed(ResultInformation reason) {
        GroupCallTargets.this.failed(target, reason);
      }

      @Override
      public void hungUp() {
        calls.participantLeft(call, target);
      }
    };
  }

  synchronized State state() {
    return state;
  }

  private void answered(CommunicationIdentifier target, Ringer.Ring leg) {
    boolean first;
    synchronized (this) {
      stillRinging--;
      if (state == State.FAILED) {
        leg.hangUp();
        return;
      }
      first = state == State.RINGING;
      state = State.CONNECTED;
    }
    call.roster().add(target);
    call.roster().leg(target.rawId(), leg);
    if (first) {
      calls.connect(call, operationContext);
    } else {
      call.participantsUpdated();
    }
  }

  private void failed(CommunicationIdentifier target, ResultInformation reason) {
    boolean allFailed;
    synchronized (this) {
      stillRinging--;
      allFailed = state == State.RINGING && stillRinging == 0;
      if (allFailed) {
        state = State.FAILED;
      }
    }
    call.services()
        .journal()
        .event(
            Channel.ACS,
            "call.targetFailed",
            call.id(),
            Map.of("target", target.rawId(), "code", Integer.toString(reason.code())));
    if (allFailed) {
      call.emit("CreateCallFailed", null, operationContext, reason, data -> {});
      calls.forget(call);
    }
  }
}
