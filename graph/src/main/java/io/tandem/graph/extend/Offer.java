package io.tandem.graph.extend;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.graph.calls.ResultInfo;
import org.jspecify.annotations.Nullable;

/**
 * One offer of a caller to an agent on Graph, ringing the agent's Teams user: {@link AgentOffer} (a
 * call of its own, hand-over mode) or {@link AgentInvitation} (an invitation into the caller's
 * call, stay-in-call mode). Confined to the caller call's lane.
 */
sealed interface Offer permits AgentOffer, AgentInvitation {

  /** What an offer tells the caller's call. */
  interface Outcome {
    /** The agent answered. */
    void answered(Offer offer);

    /** The agent declined, was busy or was not reached ({@code why} is null if never placed). */
    void unreachable(Offer offer, @Nullable ResultInfo why);
  }

  ReservationId reservation();

  AgentId agent();

  /** Stops ringing the agent, or lets go of an agent who answered but was not taken. */
  void cancel();
}
