package io.tandem.core.callcontrol;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueId;
import org.jspecify.annotations.Nullable;

/**
 * The wire work a channel does for a {@link TalkControl}: the operations that put the agent's
 * requests on the call, each named for what it does to the people in it. {@link TalkControl}
 * decides whether and when; the channel only does. A method that throws leaves the talk's state as
 * it was and refuses the request; what it throws is named in the refusal's message.
 *
 * <p>Called on the call's lane only, like the {@link TalkControl} that calls it.
 */
public interface TalkWire {

  /** Why a third party is called into the caller's call. */
  enum Purpose {
    /** A consultation: the caller holds while the third party rings and while the agent talks. */
    CONSULT,
    /** A blind transfer: the caller goes to the third party once they answer. */
    TRANSFER
  }

  /** The interaction of the call, or null while the call has none. */
  @Nullable InteractionId interaction();

  /**
   * Puts the caller on hold ({@code true}, they hear music) or takes them off it; the caller's hold
   * as it already is asks nothing of the wire.
   */
  void holdCaller(boolean held) throws Exception;

  /**
   * Calls {@code target} into the caller's call for {@code purpose}; a consultation holds the
   * caller first. Its outcome comes back through {@link TalkControl}'s callbacks.
   *
   * @throws CallActionRefused UNSUPPORTED when the channel does not reach this kind of target
   */
  void callThirdParty(CallTarget target, Purpose purpose) throws Exception;

  /**
   * Takes the consulted party out of the call: stops ringing them, or removes them once {@code
   * answered}.
   */
  void dropThirdParty(boolean answered) throws Exception;

  /** Caller, agent and consulted party talk together: the caller's hold ends for all three. */
  void joinAll() throws Exception;

  /**
   * The agent leaves and the caller talks on with the third party: the agent asked for it ({@code
   * asked}, a transfer to the consulted party), or a transfer's target answered.
   */
  void handOver(boolean asked) throws Exception;

  /**
   * After a {@link #handOver} is recorded in the tenant: the channel lets the call go on without
   * the agent.
   */
  void passedOn(boolean asked);

  /**
   * The agent leaves and the caller waits in {@code queue} again: the agent is taken out, the
   * caller off hold, and the channel queues the call again.
   */
  void sendToQueue(QueueId queue) throws Exception;

  /** After the agent's hang-up is recorded in the tenant: the caller's call ends. */
  void hangUp();
}
