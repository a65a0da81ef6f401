package io.tandem.acs.unify;

import io.tandem.acs.client.Identifier;
import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.ReservationId;
import org.jspecify.annotations.Nullable;

/**
 * One offer to an agent carried out as a {@code participants:add} invitation of the agent's Teams
 * identity into the caller's call.
 */
final class AgentInvitation {

  static final String CONTEXT = "offer-";

  /** Where the invitation is. */
  enum State {
    /** Asked for; the service has not accepted the request yet. */
    INVITING,
    /** The agent's Teams rings. */
    RINGING,
    /** The agent answered and is in the call. */
    JOINED,
    /** Unanswered, declined, cancelled, or the agent left. */
    OVER
  }

  private final ReservationId reservation;
  private final AgentId agent;
  private final Identifier identity;
  private @Nullable String invitationId;
  private State state = State.INVITING;

  AgentInvitation(ReservationId reservation, AgentId agent, Identifier identity) {
    this.reservation = reservation;
    this.agent = agent;
    this.identity = identity;
  }

  /** The operation context that ties the invitation's callbacks to it. */
  String context() {
    return CONTEXT + reservation.value();
  }

  ReservationId reservation() {
    return reservation;
  }

  AgentId agent() {
    return agent;
  }

  Identifier identity() {
    return identity;
  }

  @Nullable String invitationId() {
    return invitationId;
  }

  State state() {
    return state;
  }

  void ringing(@Nullable String id) {
    invitationId = id;
    if (state == State.INVITING) {
      state = State.RINGING;
    }
  }

  void joined() {
    state = State.JOINED;
  }

  void over() {
    state = State.OVER;
  }

  /** Whether {@code rawId} is this agent in a roster. */
  boolean is(String rawId) {
    return identity.rawId().equals(rawId);
  }
}
