package io.tandem.server.demo;

import io.tandem.core.agent.AgentProfile;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.flow.ValidatedFlow;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.routing.Agent;
import io.tandem.core.simulation.AgentGroup;
import io.tandem.core.simulation.QueueScenario;
import io.tandem.core.tenant.Tenant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Brings a tenant's configuration to what the demo defines, on the tenant's writer, changing only
 * what differs: a tenant recovered from its event log after a restart keeps its queues and agents
 * (no new events), one that drifted gets the demo's version back, and anything the demo does not
 * define (agents or queues added by other means) is left alone.
 *
 * <p>Skills need no definition of their own: the tenant knows every skill an agent has or a queue
 * asks for, and the entry flow names none. The flow is not an event either; the demo keeps it and
 * validates it against the tenant's queues on every start.
 */
final class DemoTenantSetup {

  /**
   * What the setup changed.
   *
   * @param queuesConfigured configuration events emitted for queues (a queue that overflows to a
   *     queue not yet there takes two)
   * @param agentsConfigured agents added or updated
   */
  record Changes(int queuesConfigured, int agentsConfigured) {}

  private DemoTenantSetup() {}

  /**
   * The demo's agents, one profile per agent of every group, in the file's order, with their Teams
   * user where the demo file names one.
   */
  static List<AgentProfile> agents(DemoDefinition demo) {
    List<AgentProfile> agents = new ArrayList<>();
    for (AgentGroup group : demo.tenant().agents()) {
      for (int i = 0; i < group.count(); i++) {
        AgentProfile voice = AgentProfile.voice(group.agentId(i), group.skills());
        agents.add(
            new AgentProfile(
                voice.id(),
                voice.name(),
                voice.skills(),
                voice.capacity(),
                demo.teamsUsers().get(voice.id())));
      }
    }
    return agents;
  }

  /** Configures what differs; call on the tenant's writer. */
  static Changes apply(Tenant tenant, DemoDefinition demo) {
    int queues = configureQueues(tenant, demo);
    int agents = 0;
    for (AgentProfile profile : agents(demo)) {
      Agent existing = tenant.state().agent(profile.id());
      if (existing == null || !existing.profile().equals(profile)) {
        tenant.configureAgent(profile);
        agents++;
      }
    }
    return new Changes(queues, agents);
  }

  /** The entry flow, checked against the tenant's queues; call on the tenant's writer. */
  static ValidatedFlow flow(Tenant tenant, DemoDefinition demo) {
    return FlowValidator.validate(EntryFlow.of(demo.entryMenu()), tenant.flowCatalog());
  }

  /**
   * Configures the queues that differ. A queue may only name queues that exist, so a new queue
   * whose overflow names a queue not configured yet first goes in without that reference.
   */
  private static int configureQueues(Tenant tenant, DemoDefinition demo) {
    int configured = 0;
    List<QueueConfig> wanted = demo.tenant().queues().stream().map(QueueScenario::queue).toList();
    for (QueueConfig config : wanted) {
      if (tenant.state().queue(config.id()) == null && !refersToMissingQueue(tenant, config)) {
        tenant.configureQueue(config);
        configured++;
      } else if (tenant.state().queue(config.id()) == null) {
        tenant.configureQueue(
            config.toBuilder()
                .overflowAction(new QueueAction.OfferCallback())
                .noAgentAction(null)
                .closedAction(new QueueAction.Disconnect("prompt:closed"))
                .build());
        configured++;
      }
    }
    for (QueueConfig config : wanted) {
      if (!config.equals(tenant.state().queue(config.id()))) {
        tenant.configureQueue(config);
        configured++;
      }
    }
    return configured;
  }

  private static boolean refersToMissingQueue(Tenant tenant, QueueConfig config) {
    for (QueueAction action :
        Arrays.asList(config.overflowAction(), config.noAgentAction(), config.closedAction())) {
      if (action instanceof QueueAction.ToQueue to && tenant.state().queue(to.queue()) == null) {
        return true;
      }
    }
    return false;
  }
}
