package io.tandem.core.tenant;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.presence.Availability;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.TenantState;
import org.jspecify.annotations.Nullable;

/**
 * An agent's life in the tenant: configuration and removal, log-in and log-out, ready and not
 * ready, Teams presence, the end of wrap-up; each change that may free the agent lets the
 * dispatcher offer them work. Runs on the tenant's thread, for {@link Tenant}.
 */
final class AgentCommands {

  private final Tenant tenant;
  private final TenantState state;

  AgentCommands(Tenant tenant, TenantState state) {
    this.tenant = tenant;
    this.state = state;
  }

  /** Adds or updates an agent; a ready agent whose skills changed may get work at once. */
  void configure(AgentProfile profile) {
    tenant.emit(new AgentEvent.Configured(profile, tenant.now()));
    Agent agent = state.agent(profile.id());
    if (agent.state() == AgentState.READY) {
      tenant.dispatcher().assign(agent);
    }
  }

  /** Removes a logged-out agent. */
  void remove(AgentId id) {
    Agent agent = tenant.requireAgent(id);
    if (agent.state() != AgentState.OFFLINE) {
      throw new IllegalTransitionException("agent " + id + " must log out before removal");
    }
    tenant.emit(new AgentEvent.Removed(id, tenant.now()));
  }

  /** Logs the agent in, ready for offers or not. */
  void logIn(AgentId id, boolean ready) {
    Agent agent = tenant.requireAgent(id);
    Tenant.require(agent.state() == AgentState.OFFLINE, "agent " + id + " is logged in already");
    tenant.emit(new AgentEvent.LoggedIn(id, tenant.now()));
    if (ready) {
      ready(id);
    }
  }

  /** Makes the agent ready (from not ready, or finishing wrap-up without a code). */
  void ready(AgentId id) {
    Agent agent = tenant.requireAgent(id);
    if (agent.state() == AgentState.WRAP_UP) {
      tenant.work().completeWrapUp(agent, null, null, false);
      tenant.dispatcher().assign(agent);
      return;
    }
    Tenant.require(
        agent.state() == AgentState.NOT_READY,
        "agent " + id + " cannot become ready while " + agent.state());
    tenant.emit(new AgentEvent.BecameReady(id, tenant.now()));
    tenant.dispatcher().assign(agent);
  }

  /** Makes the agent not ready; an offer ringing them is withdrawn and rerouted. */
  void notReady(AgentId id, String reason) {
    Agent agent = tenant.requireAgent(id);
    Tenant.require(
        agent.state() != AgentState.OFFLINE && agent.state() != AgentState.BUSY,
        "agent " + id + " cannot become not ready while " + agent.state());
    Interaction withdrawn = null;
    if (agent.state() == AgentState.RESERVED) {
      withdrawn = tenant.dispatcher().withdrawFrom(agent, "agent-not-ready");
    } else if (agent.state() == AgentState.WRAP_UP) {
      tenant.work().completeWrapUp(agent, null, null, false);
    }
    tenant.emit(new AgentEvent.BecameNotReady(id, reason, tenant.now()));
    if (withdrawn != null) {
      tenant.queueRules().returned(withdrawn);
    }
  }

  /** Logs the agent out; a ringing offer is withdrawn, wrap-up completes, held work is released. */
  void logOut(AgentId id) {
    Agent agent = tenant.requireAgent(id);
    Tenant.require(agent.state().isLoggedIn(), "agent " + id + " is not logged in");
    Tenant.require(
        agent.state() != AgentState.BUSY, "agent " + id + " must end the interaction first");
    Interaction withdrawn = null;
    if (agent.state() == AgentState.RESERVED) {
      withdrawn = tenant.dispatcher().withdrawFrom(agent, "agent-logged-out");
    } else if (agent.state() == AgentState.WRAP_UP) {
      tenant.work().completeWrapUp(agent, null, null, false);
    }
    tenant.emit(new AgentEvent.LoggedOut(id, tenant.now()));
    if (withdrawn != null) {
      tenant.queueRules().returned(withdrawn);
    }
    tenant.work().releaseHeldFor(id);
  }

  /** The agent's Teams availability changed. */
  void presenceChanged(AgentId id, Availability availability) {
    Agent agent = tenant.requireAgent(id);
    if (agent.presence() == availability) {
      return;
    }
    tenant.emit(new AgentEvent.PresenceChanged(id, availability, tenant.now()));
    tenant.dispatcher().assign(agent);
  }

  /**
   * The agent finished wrap-up with a disposition code and notes; once the tenant has wrap-up
   * codes, the code must be one of them.
   */
  void completeWrapUp(AgentId id, @Nullable String code, @Nullable String notes) {
    Agent agent = tenant.requireAgent(id);
    if (code != null
        && !state.catalog().wrapUpCodes().isEmpty()
        && state.catalog().wrapUpCode(code) == null) {
      throw new IllegalArgumentException("unknown wrap-up code " + code);
    }
    Tenant.require(agent.state() == AgentState.WRAP_UP, "agent " + id + " is not in wrap-up");
    tenant.work().completeWrapUp(agent, code, notes, false);
    tenant.dispatcher().assign(agent);
  }
}
