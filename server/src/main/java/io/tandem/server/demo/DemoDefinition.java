package io.tandem.server.demo;

import io.tandem.core.agent.AgentId;
import io.tandem.core.queue.QueueId;
import io.tandem.core.simulation.QueueScenario;
import io.tandem.core.simulation.Scenario;
import java.util.Map;
import java.util.Objects;

/**
 * The demo as its file describes it (see {@link DemoFile}): the tenant with its callers and agents
 * in the staffing simulator's terms, the entry menu every caller meets, and how the simulated
 * callers and agents behave around it.
 *
 * @param tenant queues, agent groups, arrival rates, handle times, patience, answering habits
 * @param entryMenu the virtual assistant: greeting and DTMF menu
 * @param callers how callers behave in the virtual assistant and in voicemail
 * @param agents how agents wrap up, end calls and take breaks
 * @param teamsUsers the Entra object id of each agent whose Teams presence is followed
 */
public record DemoDefinition(
    Scenario tenant,
    EntryMenu entryMenu,
    CallerHabits callers,
    AgentHabits agents,
    Map<AgentId, String> teamsUsers) {

  public DemoDefinition {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(entryMenu, "entryMenu");
    Objects.requireNonNull(callers, "callers");
    Objects.requireNonNull(agents, "agents");
    teamsUsers = Map.copyOf(teamsUsers);
  }

  /** A demo whose agents have no Teams users. */
  public DemoDefinition(
      Scenario tenant, EntryMenu entryMenu, CallerHabits callers, AgentHabits agents) {
    this(tenant, entryMenu, callers, agents, Map.of());
  }

  /** The queue {@code id} of the tenant, with its callers. */
  QueueScenario queue(QueueId id) {
    return tenant.queues().stream()
        .filter(queue -> queue.queue().id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the demo has no queue " + id));
  }

  /** Callers per hour who want queue {@code queue}'s service (one constant rate per queue). */
  static double perHour(QueueScenario queue) {
    return queue.arrivals().isEmpty() ? 0 : queue.arrivals().getFirst().perHour();
  }
}
