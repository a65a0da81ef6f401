package io.tandem.server.demo;

import io.tandem.core.agent.AgentId;
import io.tandem.core.flow.FlowCatalog;
import io.tandem.core.flow.FlowProblem;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.queue.QueueId;
import io.tandem.core.simulation.AgentGroup;
import io.tandem.core.simulation.QueueScenario;
import io.tandem.core.simulation.Scenario;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a demo file's two documents, each valid on its own, fit together and suit the demo:
 * the menu and the wrap-up codes name the tenant's queues, {@code teamsUsers} its agents, every
 * queue with callers is reachable from the menu, arrival rates are constant, agents have no shifts,
 * and callers press their key before the menu times out. Each problem names its field and line.
 */
final class DemoFileFit {

  private final YamlLines tenantLines;
  private final YamlLines extrasLines;
  private final List<String> problems;

  DemoFileFit(YamlLines tenantLines, YamlLines extrasLines, List<String> problems) {
    this.tenantLines = tenantLines;
    this.extrasLines = extrasLines;
    this.problems = problems;
  }

  void check(Scenario tenant, DemoExtrasReader.Extras extras) {
    Set<QueueId> queues =
        tenant.queues().stream().map(queue -> queue.queue().id()).collect(Collectors.toSet());
    String known =
        tenant.queues().stream()
            .map(queue -> queue.queue().id().value())
            .collect(Collectors.joining(", "));
    EntryMenu menu = extras.entryMenu();
    menu.choices()
        .forEach(
            (key, queue) ->
                requireQueue(queues, queue, "virtualAssistant.menu.choices." + key, known));
    requireQueue(queues, menu.noInput(), "virtualAssistant.menu.noInput", known);
    for (QueueId queue : extras.agents().wrapUpCodes().keySet()) {
      requireQueue(queues, queue, "agents.wrapUpCodes." + queue.value(), known);
    }
    for (int i = 0; i < tenant.queues().size(); i++) {
      checkArrivals(tenant.queues().get(i), "queues[" + i + "]", menu);
    }
    for (int i = 0; i < tenant.agents().size(); i++) {
      if (!tenant.agents().get(i).shifts().isEmpty()) {
        tenantProblem(
            "agents[" + i + "].shifts",
            "are not used by the demo, whose agents stay logged in; remove them");
      }
    }
    Set<AgentId> agents = new HashSet<>();
    tenant.agents().forEach(group -> agentIds(group, agents));
    for (AgentId agent : extras.teamsUsers().keySet()) {
      if (!agents.contains(agent)) {
        extrasProblem(
            "teamsUsers." + agent.value(),
            "names unknown agent '" + agent.value() + "'; agent ids are <group name>-001, -002 …");
      }
    }
    if (extras.callers().pressAfter().maxNanos() >= menu.timeout().toNanos()) {
      extrasProblem(
          "callers.pressAfter.max",
          "must be below virtualAssistant.menu.timeout, or callers would miss the menu");
    }
    if (problems.isEmpty()) {
      for (FlowProblem problem : FlowValidator.problems(EntryFlow.of(menu), catalogOf(queues))) {
        extrasProblem("virtualAssistant", "makes a flow that cannot run: " + problem);
      }
    }
  }

  private static void agentIds(AgentGroup group, Set<AgentId> into) {
    for (int i = 0; i < group.count(); i++) {
      into.add(new AgentId(group.agentId(i)));
    }
  }

  private void requireQueue(Set<QueueId> queues, QueueId queue, String path, String known) {
    if (!queues.contains(queue)) {
      extrasProblem(path, "names unknown queue '" + queue.value() + "'; the queues are " + known);
    }
  }

  /** One constant rate, and a menu key (or the no-input default) that leads its callers there. */
  private void checkArrivals(QueueScenario queue, String path, EntryMenu menu) {
    if (queue.arrivals().size() > 1
        || queue.arrivals().size() == 1 && !queue.arrivals().getFirst().from().isZero()) {
      tenantProblem(
          path + ".arrivals", "must be one constant rate for the demo, e.g. [{perHour: 60}]");
    }
    if (queue.arrivalsRepeatEvery() != null) {
      tenantProblem(
          path + ".arrivalsRepeatEvery", "is not used by the demo, whose rates are constant");
    }
    QueueId id = queue.queue().id();
    if (DemoDefinition.perHour(queue) > 0
        && menu.keyFor(id) == null
        && !menu.noInput().equals(id)) {
      tenantProblem(
          path + ".arrivals",
          "has callers, but no key of virtualAssistant.menu.choices leads to queue '"
              + id.value()
              + "'");
    }
  }

  private void tenantProblem(String path, String message) {
    problems.add(tenantLines.prefix(path) + path + " " + message);
  }

  private void extrasProblem(String path, String message) {
    problems.add(extrasLines.prefix(path) + path + " " + message);
  }

  /** The flow catalog of a tenant with these queues: skills and hours do not occur in the flow. */
  private static FlowCatalog catalogOf(Set<QueueId> queues) {
    return new FlowCatalog() {
      @Override
      public boolean hasQueue(String queue) {
        return queues.stream().anyMatch(id -> id.value().equals(queue));
      }

      @Override
      public boolean hasSkill(String skill) {
        return true;
      }

      @Override
      public Optional<BusinessHours> businessHours(String name) {
        return Optional.empty();
      }
    };
  }
}
