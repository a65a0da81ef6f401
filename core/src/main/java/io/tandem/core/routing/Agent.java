package io.tandem.core.routing;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.presence.Availability;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An agent as the routing engine tracks them: profile, contact-center state, presence and today's
 * work. Changed only by {@link TenantState#apply}; everyone else reads.
 */
public final class Agent {

  private AgentProfile profile;
  private final int slot;
  private AgentState state = AgentState.OFFLINE;
  private @Nullable String notReadyReason;
  private Instant stateSince;
  private Instant readySince;
  private Availability presence = Availability.AVAILABLE;
  private @Nullable ReservationId reservation;
  private @Nullable InteractionId interaction;
  private int handled;
  private Duration talkTime = Duration.ZERO;
  private @Nullable Instant connectedAt;
  private @Nullable Instant wrapUpUntil;

  Agent(AgentProfile profile, int slot, Instant at) {
    this.profile = profile;
    this.slot = slot;
    this.stateSince = at;
    this.readySince = at;
  }

  public AgentId id() {
    return profile.id();
  }

  public AgentProfile profile() {
    return profile;
  }

  /** Dense index of the agent inside its tenant, for bit sets. */
  public int slot() {
    return slot;
  }

  public AgentState state() {
    return state;
  }

  /** Why the agent is not ready; {@code null} in other states. */
  public @Nullable String notReadyReason() {
    return notReadyReason;
  }

  public Instant stateSince() {
    return stateSince;
  }

  /** Since when the agent has been ready; the longest-idle strategy prefers the earliest. */
  public Instant readySince() {
    return readySince;
  }

  public Availability presence() {
    return presence;
  }

  /** The agent's live offer while {@link AgentState#RESERVED}. */
  public @Nullable ReservationId reservation() {
    return reservation;
  }

  /** The interaction the agent works on while busy or in wrap-up. */
  public @Nullable InteractionId interaction() {
    return interaction;
  }

  /** Interactions connected since the agent logged in. */
  public int handled() {
    return handled;
  }

  /** Time connected with customers since the agent logged in. */
  public Duration talkTime() {
    return talkTime;
  }

  void profile(AgentProfile newProfile) {
    profile = newProfile;
  }

  void presence(Availability availability) {
    presence = availability;
  }

  void logIn(Instant at) {
    move(AgentState.NOT_READY, at);
    notReadyReason = io.tandem.core.agent.NotReadyReason.LOGGED_IN;
    handled = 0;
    talkTime = Duration.ZERO;
  }

  void ready(Instant at) {
    move(AgentState.READY, at);
    readySince = at;
    reservation = null;
    interaction = null;
  }

  void notReady(String reason, Instant at) {
    move(AgentState.NOT_READY, at);
    notReadyReason = reason;
    reservation = null;
    interaction = null;
  }

  void logOut(Instant at) {
    move(AgentState.OFFLINE, at);
    reservation = null;
    interaction = null;
  }

  void reserve(ReservationId id, Instant at) {
    move(AgentState.RESERVED, at);
    reservation = id;
  }

  void connect(InteractionId id, Instant at) {
    move(AgentState.BUSY, at);
    reservation = null;
    interaction = id;
    connectedAt = at;
    handled++;
  }

  void wrapUp(Instant until, Instant at) {
    move(AgentState.WRAP_UP, at);
    wrapUpUntil = until;
  }

  /** When the agent's wrap-up ends by itself; {@code null} outside wrap-up. */
  public @Nullable Instant wrapUpUntil() {
    return wrapUpUntil;
  }

  /** Ends talk time accounting for the current interaction. */
  void stopTalking(Instant at) {
    if (connectedAt != null) {
      talkTime = talkTime.plus(Duration.between(connectedAt, at));
      connectedAt = null;
    }
  }

  /** Throws unless the state table lets the agent move to {@code next} now. */
  void requireCanMoveTo(AgentState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalTransitionException("agent " + id(), state, next);
    }
  }

  private void move(AgentState next, Instant at) {
    requireCanMoveTo(next);
    if (next != AgentState.NOT_READY) {
      notReadyReason = null;
    }
    if (next != AgentState.WRAP_UP) {
      wrapUpUntil = null;
    }
    state = next;
    stateSince = at;
  }

  /** An immutable copy of everything the agent's state holds. */
  public AgentView view() {
    return new AgentView(
        profile,
        state,
        notReadyReason,
        stateSince,
        readySince,
        presence,
        reservation,
        interaction,
        handled,
        talkTime,
        wrapUpUntil);
  }

  @Override
  public String toString() {
    return id() + "(" + state + ")";
  }
}
