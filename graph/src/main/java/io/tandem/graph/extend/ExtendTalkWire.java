package io.tandem.graph.extend;

import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.callcontrol.TalkWire;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueId;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.calls.GraphTarget;
import io.tandem.graph.client.GraphException;
import org.jspecify.annotations.Nullable;

/**
 * The wire work of the agent's talk in stay-in-call mode, the bot being in the call with caller and
 * agent: the caller held with {@code startHoldMusic}/{@code stopHoldMusic} on their participant, a
 * consulted party or a blind transfer's target invited into the call ({@link Invitee}), the agent
 * taken out with {@code removeParticipant}, hang-up by ending the call. Numbers are invited into
 * the caller's call, which belongs to the resource account the caller dialled (Graph reaches PSTN
 * only from such calls). Confined to the call's lane.
 */
final class ExtendTalkWire implements TalkWire {

  private static final System.Logger LOG = System.getLogger(ExtendTalkWire.class.getName());

  private final CallerCall call;
  private final GraphCallsApi graph;
  private final String agentParticipant;
  private final Invitee invitee;
  private boolean callerOnHoldMusic;

  ExtendTalkWire(CallerCall call, String agentParticipant) {
    this.call = call;
    this.graph = call.context().graph();
    this.agentParticipant = agentParticipant;
    this.invitee = new Invitee(call.callId(), graph);
  }

  /** The party invited: who, their participant, their invitation's operation. */
  Invitee invitee() {
    return invitee;
  }

  String agentParticipant() {
    return agentParticipant;
  }

  @Override
  public @Nullable InteractionId interaction() {
    return call.interaction();
  }

  @Override
  public void holdCaller(boolean on) throws GraphException {
    if (callerOnHoldMusic == on) {
      return;
    }
    String caller = call.callerParticipant();
    if (caller == null) {
      throw new CallActionRefused(
          CallActionRefused.Reason.NOT_NOW, "the caller is not in the call's roster yet");
    }
    if (on) {
      graph.startHoldMusic(call.callId(), caller, CallerTalk.CONTEXT + "hold");
    } else {
      graph.stopHoldMusic(call.callId(), caller, CallerTalk.CONTEXT + "resume");
    }
    callerOnHoldMusic = on;
  }

  @Override
  public void callThirdParty(CallTarget target, Purpose purpose) throws GraphException {
    GraphTarget graphTarget = graphTarget(target);
    switch (purpose) {
      case CONSULT -> {
        holdCaller(true);
        invitee.invite(target, graphTarget, CallerTalk.CONTEXT + "consult");
      }
      case TRANSFER -> invitee.invite(target, graphTarget, CallerTalk.CONTEXT + "transfer");
    }
  }

  @Override
  public void dropThirdParty(boolean answered) {
    invitee.remove();
  }

  @Override
  public void joinAll() throws GraphException {
    holdCaller(false);
  }

  /** The agent is removed and the caller taken off hold music; a refusal is logged. */
  @Override
  public void handOver(boolean asked) {
    try {
      graph.removeParticipant(call.callId(), agentParticipant);
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "removing the agent refused", failed);
    }
    try {
      holdCaller(false);
    } catch (GraphException | RuntimeException refused) {
      LOG.log(System.Logger.Level.DEBUG, "stopHoldMusic refused on call " + call.callId(), refused);
    }
  }

  @Override
  public void passedOn(boolean asked) {
    call.passedOn();
  }

  @Override
  public void sendToQueue(QueueId queue) throws GraphException {
    graph.removeParticipant(call.callId(), agentParticipant);
    holdCaller(false);
    call.agentLeftForQueue();
  }

  @Override
  public void hangUp() {
    call.hangUp();
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
}
