package io.tandem.core.simulation;

import io.tandem.core.Ids;
import io.tandem.core.agent.AgentId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.skill.AgentSkills;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a whole {@link Scenario} before it runs and reports every problem at once, each with its
 * path in the scenario file's terms ({@code queues[1].arrivals[0].perHour must be >= 0}).
 */
public final class ScenarioValidator {

  /** The most agents a scenario may have over all groups. */
  public static final int MAX_AGENTS = 100_000;

  /** The highest arrival rate of one step, calls per hour. */
  public static final double MAX_PER_HOUR = 1_000_000;

  private final List<ScenarioProblem> problems = new ArrayList<>();

  private ScenarioValidator() {}

  /** Every problem of {@code scenario}; empty if it can run. */
  public static List<ScenarioProblem> problems(Scenario scenario) {
    ScenarioValidator validator = new ScenarioValidator();
    validator.check(scenario);
    return List.copyOf(validator.problems);
  }

  /** Throws {@link InvalidScenarioException} listing every problem, if there is any. */
  public static void requireValid(Scenario scenario) {
    List<ScenarioProblem> found = problems(scenario);
    if (!found.isEmpty()) {
      throw new InvalidScenarioException(found);
    }
  }

  private void check(Scenario scenario) {
    if (scenario.duration() != null) {
      positive("duration", scenario.duration());
    }
    if (scenario.maxArrivals() < 0) {
      problem("maxArrivals", "must be >= 0, got " + scenario.maxArrivals());
    }
    if (scenario.duration() == null && scenario.maxArrivals() <= 0) {
      problem("duration", "or maxArrivals must be set, else arrivals never stop");
    }
    notNegative("drain", scenario.drain());
    if (scenario.queues().isEmpty()) {
      problem("queues", "must list at least one queue");
    }
    if (scenario.agents().isEmpty()) {
      problem("agents", "must list at least one agent group");
    }
    long total = scenario.agents().stream().mapToLong(group -> Math.max(0, group.count())).sum();
    if (total > MAX_AGENTS) {
      problem("agents", "must have at most " + MAX_AGENTS + " agents in all, got " + total);
    }
    Set<AgentId> agentIds = new HashSet<>();
    scenario.agents().stream()
        .filter(group -> group.count() > 0 && group.count() <= MAX_AGENTS)
        .forEach(
            group -> {
              for (int i = 0; i < group.count(); i++) {
                agentIds.add(new AgentId(validIdOr(group.agentId(i))));
              }
            });
    checkQueues(scenario.queues(), agentIds);
    checkAgents(scenario);
  }

  private static String validIdOr(String id) {
    try {
      return Ids.requireValid("agent id", id);
    } catch (IllegalArgumentException e) {
      return "invalid";
    }
  }

  private void checkQueues(List<QueueScenario> queues, Set<AgentId> agentIds) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < queues.size(); i++) {
      String id = queues.get(i).queue().id().value();
      Integer first = seen.putIfAbsent(id, i);
      if (first != null) {
        problem("queues[" + i + "].id", "'" + id + "' is already the id of queues[" + first + "]");
      }
    }
    for (int i = 0; i < queues.size(); i++) {
      checkQueue("queues[" + i + "]", queues.get(i), seen.keySet(), agentIds);
    }
  }

  private void checkQueue(
      String path, QueueScenario queue, Set<String> queueIds, Set<AgentId> agents) {
    QueueConfig config = queue.queue();
    target(path + ".overflowAction", config.overflowAction(), queueIds);
    target(path + ".noAgentAction", config.noAgentAction(), queueIds);
    if (config.businessHours() != null) {
      problem(
          path + ".businessHours", "is not supported by the simulator (queues are always open)");
    }
    for (int k = 0; k < config.members().size(); k++) {
      AgentId member = config.members().get(k);
      if (!agents.contains(member)) {
        problem(
            path + ".members[" + k + "]",
            "names no agent of the scenario: '" + member.value() + "'");
      }
    }
    checkArrivals(path, queue);
    double prioritySum = 0;
    for (int k = 0; k < queue.priorities().size(); k++) {
      PriorityShare share = queue.priorities().get(k);
      String at = path + ".priorities[" + k + "]";
      if (share.priority() < 0 || share.priority() > 100) {
        problem(at + ".priority", "must be 0-100, got " + share.priority());
      }
      prioritySum += share(at + ".share", share.share());
    }
    sharesAtMostOne(path + ".priorities", prioritySum);
    double requirementSum = 0;
    for (int k = 0; k < queue.requirements().size(); k++) {
      RequirementShare share = queue.requirements().get(k);
      String at = path + ".requirements[" + k + "]";
      if (share.language() != null) {
        try {
          AgentSkills.of(Map.of(), share.language());
        } catch (IllegalArgumentException e) {
          problem(at + ".language", e.getMessage());
        }
      }
      requirementSum += share(at + ".share", share.share());
    }
    sharesAtMostOne(path + ".requirements", requirementSum);
    distribution(path + ".handleTime", queue.handleTime());
    if (queue.patience() != null) {
      distribution(path + ".patience", queue.patience());
    }
  }

  private void checkArrivals(String path, QueueScenario queue) {
    List<ArrivalStep> steps = queue.arrivals();
    for (int k = 0; k < steps.size(); k++) {
      ArrivalStep step = steps.get(k);
      String at = path + ".arrivals[" + k + "]";
      notNegative(at + ".from", step.from());
      if (k > 0 && step.from().compareTo(steps.get(k - 1).from()) <= 0) {
        problem(
            at + ".from",
            "must be after the previous step's from ("
                + Durations.format(steps.get(k - 1).from())
                + "), got "
                + Durations.format(step.from()));
      }
      if (!(step.perHour() >= 0) || Double.isInfinite(step.perHour())) {
        problem(at + ".perHour", "must be >= 0, got " + step.perHour());
      } else if (step.perHour() > MAX_PER_HOUR) {
        problem(
            at + ".perHour", "must be at most " + (long) MAX_PER_HOUR + ", got " + step.perHour());
      }
    }
    Duration cycle = queue.arrivalsRepeatEvery();
    if (cycle != null && positive(path + ".arrivalsRepeatEvery", cycle) && !steps.isEmpty()) {
      Duration last = steps.get(steps.size() - 1).from();
      if (cycle.compareTo(last) <= 0) {
        problem(
            path + ".arrivalsRepeatEvery",
            "must be longer than the last arrival step's from ("
                + Durations.format(last)
                + "), got "
                + Durations.format(cycle));
      }
    }
  }

  private void checkAgents(Scenario scenario) {
    Map<String, Integer> names = new HashMap<>();
    long shortestRing = Long.MAX_VALUE;
    String shortestQueue = "";
    for (QueueScenario queue : scenario.queues()) {
      long ring = queue.queue().ringTimeout().toNanos();
      if (ring < shortestRing) {
        shortestRing = ring;
        shortestQueue = queue.queue().id().value();
      }
    }
    for (int g = 0; g < scenario.agents().size(); g++) {
      AgentGroup group = scenario.agents().get(g);
      String path = "agents[" + g + "]";
      try {
        Ids.requireValid("group name", group.name());
        Ids.requireValid("agent id", group.agentId(Math.max(0, group.count() - 1)));
      } catch (IllegalArgumentException e) {
        problem(path + ".name", e.getMessage());
      }
      Integer first = names.putIfAbsent(group.name(), g);
      if (first != null) {
        problem(
            path + ".name", "'" + group.name() + "' is already the name of agents[" + first + "]");
      }
      if (group.count() < 0) {
        problem(path + ".count", "must be >= 0, got " + group.count());
      }
      for (int k = 0; k < group.shifts().size(); k++) {
        shift(path + ".shifts[" + k + "]", group.shifts().get(k));
      }
      answerDelay(path + ".answerDelay", group.answerDelay(), shortestRing, shortestQueue);
      share(path + ".noAnswerProbability", group.noAnswerProbability());
      notNegative(path + ".readyAgainAfter", group.readyAgainAfter());
      PresenceFlips flips = group.presenceFlips();
      if (flips != null) {
        if (!(flips.perHour() >= 0) || Double.isInfinite(flips.perHour())) {
          problem(path + ".presenceFlips.perHour", "must be >= 0, got " + flips.perHour());
        }
        positive(path + ".presenceFlips.meanAway", flips.meanAway());
        if (flips.availability() == Availability.AVAILABLE) {
          problem(path + ".presenceFlips.availability", "must not be Available");
        }
      }
    }
  }

  private void shift(String path, Shift shift) {
    boolean valid = notNegative(path + ".start", shift.start());
    if (shift.end().compareTo(shift.start()) <= 0) {
      problem(
          path + ".end",
          "must be after start ("
              + Durations.format(shift.start())
              + "), got "
              + Durations.format(shift.end()));
      valid = false;
    }
    if (shift.every() != null && valid) {
      Duration length = shift.end().minus(shift.start());
      if (shift.every().compareTo(length) < 0) {
        problem(
            path + ".every",
            "must be at least the shift's length ("
                + Durations.format(length)
                + "), got "
                + Durations.format(shift.every()));
      }
    }
  }

  private void answerDelay(String path, Distribution delay, long shortestRing, String queue) {
    if (!(delay instanceof Distribution.Fixed) && !(delay instanceof Distribution.Uniform)) {
      problem(path, "must be a fixed or uniform delay, got " + delay);
      return;
    }
    if (distribution(path, delay)
        && shortestRing != Long.MAX_VALUE
        && delay.maxNanos() >= shortestRing) {
      problem(
          path,
          "must stay below the ring timeout of queue '"
              + queue
              + "' ("
              + Durations.format(Duration.ofNanos(shortestRing))
              + "), got up to "
              + Durations.format(Duration.ofNanos(delay.maxNanos())));
    }
  }

  /** Checks a distribution's parameters; true if they are fine. */
  private boolean distribution(String path, Distribution distribution) {
    int before = problems.size();
    switch (distribution) {
      case Distribution.Exponential e -> positive(path + ".mean", e.mean());
      case Distribution.LogNormal l -> {
        positive(path + ".mean", l.mean());
        positive(path + ".stddev", l.stddev());
      }
      case Distribution.Fixed f -> notNegative(path, f.value());
      case Distribution.Uniform u -> {
        notNegative(path + ".min", u.min());
        if (u.max().compareTo(u.min()) < 0) {
          problem(
              path + ".max",
              "must be at least min ("
                  + Durations.format(u.min())
                  + "), got "
                  + Durations.format(u.max()));
        }
      }
    }
    return problems.size() == before;
  }

  private void target(String path, @Nullable QueueAction action, Set<String> queueIds) {
    if (action instanceof QueueAction.ToQueue to && !queueIds.contains(to.queue().value())) {
      problem(path, "refers to unknown queue '" + to.queue().value() + "'");
    }
  }

  private double share(String path, double share) {
    if (!(share >= 0 && share <= 1)) {
      problem(path, "must be between 0 and 1, got " + share);
      return 0;
    }
    return share;
  }

  private void sharesAtMostOne(String path, double sum) {
    if (sum > 1 + 1e-9) {
      problem(path, "shares must add up to at most 1, got " + (Math.round(sum * 1e6) / 1e6));
    }
  }

  private boolean positive(String path, Duration value) {
    if (value.isNegative() || value.isZero()) {
      problem(path, "must be positive, got " + Durations.format(value));
      return false;
    }
    return true;
  }

  private boolean notNegative(String path, Duration value) {
    if (value.isNegative()) {
      problem(path, "must be >= 0s, got " + Durations.format(value));
      return false;
    }
    return true;
  }

  private void problem(String path, String message) {
    problems.add(new ScenarioProblem(path, message));
  }
}
