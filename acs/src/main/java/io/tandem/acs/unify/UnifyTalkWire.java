package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.Transfer;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.callcontrol.TalkWire;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueId;
import org.jspecify.annotations.Nullable;

/**
 * The wire work of the agent's talk on a Unify call: the caller held with ACS {@code hold}/{@code
 * unhold}, the consulted party invited with {@code participants:add}, a blind transfer with {@code
 * transferToParticipant} (the caller is the transferee), the agent taken out with {@code
 * participants:remove} for a hand-over or a transfer to a queue, hang-up by terminating the call.
 * Confined to the call's lane.
 */
final class UnifyTalkWire implements TalkWire {

  private static final String TRANSFER = AgentTalk.CONTEXT + "transfer-";

  private final CallerConnection call;
  private final UnifyContext context;
  private final AgentTalk talk;
  private final Consultation consulted;
  private final CallerHold callerHold;
  private int sequence;

  UnifyTalkWire(CallerConnection call, UnifyContext context, AgentTalk talk) {
    this.call = call;
    this.context = context;
    this.talk = talk;
    this.consulted = new Consultation(call, context);
    this.callerHold = new CallerHold(call, context);
  }

  /** The party consulted: who, their invitation, taking them out. */
  Consultation consulted() {
    return consulted;
  }

  @Override
  public @Nullable InteractionId interaction() {
    return call.interaction();
  }

  @Override
  public void holdCaller(boolean held) throws AcsException {
    if (held) {
      callerHold.hold();
    } else {
      callerHold.release();
    }
  }

  @Override
  public void callThirdParty(CallTarget target, Purpose purpose) throws AcsException {
    switch (purpose) {
      case CONSULT -> {
        Consultation.identifier(target);
        callerHold.hold();
        consulted.invite(target);
      }
      case TRANSFER ->
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
    }
  }

  @Override
  public void dropThirdParty(boolean answered) throws AcsException {
    if (answered) {
      consulted.remove();
    } else {
      consulted.cancel();
    }
  }

  @Override
  public void joinAll() throws AcsException {
    callerHold.release();
  }

  @Override
  public void handOver(boolean asked) throws AcsException {
    if (asked) {
      removeAgent("leave");
      callerHold.release();
    }
  }

  @Override
  public void passedOn(boolean asked) {
    if (asked) {
      call.withAgent().leave();
    } else {
      call.end(true);
    }
  }

  @Override
  public void sendToQueue(QueueId queue) throws AcsException {
    removeAgent("requeue");
    callerHold.release();
    call.withAgent().requeued(talk);
  }

  @Override
  public void hangUp() {
    call.hangUp();
  }

  private void removeAgent(String why) throws AcsException {
    context
        .acs()
        .removeParticipant(call.connectionId(), talk.agent().identity(), AgentTalk.CONTEXT + why);
  }
}
