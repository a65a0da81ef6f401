package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A caller's connection from the moment an agent joins: the talk the agent controls ({@link
 * AgentTalk}), recording with the agent and on demand, and the way back to the queue after a
 * transfer to one. Runs on the call's lane (the entry points hop there).
 */
final class CallWithAgent {

  private static final System.Logger LOG = System.getLogger(CallWithAgent.class.getName());

  private final CallerConnection call;
  private final UnifyContext context;
  private final CallerQueue queue;
  private final CallRecording recording;
  private @Nullable AgentTalk talk;

  CallWithAgent(
      CallerConnection call, UnifyContext context, CallerQueue queue, CallRecording recording) {
    this.call = call;
    this.context = context;
    this.queue = queue;
    this.recording = recording;
  }

  /** The agent answered and the domain connected them: the caller hears the agent now. */
  void joined(AgentInvitation agent) {
    call.silenceFlow();
    call.move(CallerConnectionState.WITH_AGENT);
    talk = new AgentTalk(call, context, agent);
    context.transcripts().agentJoined(call.connectionId(), agent.identity().rawId());
    if (context.settings().recordWithAgent()) {
      recording.start();
    }
  }

  /** The agent's control of the talk, while caller and agent talk; else null. */
  @Nullable AgentTalk talk() {
    return talk;
  }

  /**
   * Carries out the agent's {@code action} on the call, on its lane; the stage fails with {@link
   * CallActionRefused} when the call's state does not allow it.
   */
  CompletableFuture<Void> control(CallAction action) {
    CompletableFuture<Void> accepted = new CompletableFuture<>();
    call.lane()
        .execute(
            () -> {
              AgentTalk current = talk;
              CallerConnectionState state = call.state();
              if (state != CallerConnectionState.WITH_AGENT || current == null) {
                accepted.completeExceptionally(
                    new CallActionRefused(
                        CallActionRefused.Reason.NOT_NOW,
                        "the call is not with an agent ("
                            + state.name().toLowerCase(Locale.ROOT)
                            + ")"));
                return;
              }
              try {
                current.request(action);
                accepted.complete(null);
              } catch (CallActionRefused refused) {
                accepted.completeExceptionally(refused);
              }
            });
    return accepted;
  }

  /** The agent left and the caller waits in a queue again (music, offers) for the next agent. */
  void requeued(AgentTalk ended) {
    if (talk != ended) {
      return;
    }
    talk = null;
    queue.agentLeft();
    call.move(CallerConnectionState.QUEUED);
  }

  /** The application leaves the call (the agent handed the caller on); the others talk on. */
  void leave() {
    if (call.state() == CallerConnectionState.ENDED) {
      return;
    }
    String id = call.answeredConnectionId();
    call.end(false);
    if (id == null) {
      return;
    }
    try {
      context.acs().hangUp(id);
    } catch (AcsException | RuntimeException failed) {
      LOG.log(System.Logger.Level.DEBUG, "leaving " + id + " refused", failed);
    }
  }

  /** Carries out {@code action} on the call's recording, on its lane. */
  void recording(RecordingAction action) {
    call.lane()
        .execute(
            () -> {
              if (call.state() == CallerConnectionState.ENDED
                  || call.answeredConnectionId() == null) {
                return;
              }
              switch (action) {
                case START -> recording.start();
                case PAUSE -> recording.pause();
                case RESUME -> recording.resume();
              }
            });
  }
}
