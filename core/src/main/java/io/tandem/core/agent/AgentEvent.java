package io.tandem.core.agent;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.presence.Availability;
import java.time.Instant;

/** Events about an agent's configuration, sign-in and readiness. */
public sealed interface AgentEvent extends TenantEvent {

  /** The agent the event is about. */
  AgentId agent();

  /** An agent was added or their profile (skills, capacity) changed. */
  record Configured(AgentProfile profile, Instant at) implements AgentEvent {
    @Override
    public AgentId agent() {
      return profile.id();
    }
  }

  /** An agent was removed from the tenant (only while logged out). */
  record Removed(AgentId agent, Instant at) implements AgentEvent {}

  /** The agent logged in; they start not ready ({@link NotReadyReason#LOGGED_IN}). */
  record LoggedIn(AgentId agent, Instant at) implements AgentEvent {}

  /** The agent became ready for offers. */
  record BecameReady(AgentId agent, Instant at) implements AgentEvent {}

  /** The agent became not ready, for a reason. */
  record BecameNotReady(AgentId agent, String reason, Instant at) implements AgentEvent {}

  /** The agent logged out. */
  record LoggedOut(AgentId agent, Instant at) implements AgentEvent {}

  /** The agent's Teams availability changed. */
  record PresenceChanged(AgentId agent, Availability availability, Instant at)
      implements AgentEvent {}
}
