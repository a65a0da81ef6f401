package io.tandem.simulator;

import io.tandem.core.agent.AgentId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.EscalationStage;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.queue.ServiceLevelTarget;
import io.tandem.core.simulation.ArrivalStep;
import io.tandem.core.simulation.Distribution;
import io.tandem.core.simulation.PriorityShare;
import io.tandem.core.simulation.QueueScenario;
import io.tandem.core.simulation.RequirementShare;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Maps one {@code queues[i]} entry of a scenario file to a {@link QueueScenario}. */
final class QueueMapping {

  static final String[] KEYS = {
    "id",
    "name",
    "priority",
    "skills",
    "stages",
    "strategy",
    "simultaneousOffers",
    "members",
    "serviceLevel",
    "ringTimeout",
    "wrapUp",
    "maxWait",
    "maxLength",
    "overflowAction",
    "noAgentAction",
    "allowedAvailabilities",
    "businessHours",
    "arrivals",
    "arrivalsRepeatEvery",
    "priorities",
    "requirements",
    "handleTime",
    "patience",
    "announcements"
  };

  private static final Distribution PLACEHOLDER = new Distribution.Fixed(Duration.ofMinutes(1));

  private QueueMapping() {}

  static QueueScenario queue(Fields.Item item, int index, Problems problems) {
    Fields f = new Fields(item.node(), item.path(), problems, KEYS);
    String id = id(f, index);
    QueueConfig.Builder queue = QueueConfig.builder(id).name(f.text("name", id));
    int priority = f.wholeInt("priority", 0);
    if (priority < 0 || priority > 100) {
      f.problem("priority", "must be 0-100, got " + priority);
    } else {
      queue.priority(priority);
    }
    queue.stages(stages(f, problems));
    RoutingStrategyKind strategy = Values.strategy(f, "strategy");
    queue.strategy(strategy);
    int offers = f.wholeInt("simultaneousOffers", 1);
    if (offers < 1 || offers > 50) {
      f.problem("simultaneousOffers", "must be 1-50, got " + offers);
    } else {
      queue.simultaneousOffers(offers);
    }
    List<AgentId> members = members(f);
    queue.members(members);
    if (strategy == RoutingStrategyKind.SERIAL && members.isEmpty()) {
      f.problem("strategy", "serial needs the queue's members, in order (members: [...])");
      queue.strategy(RoutingStrategyKind.LONGEST_IDLE);
    }
    queue.serviceLevel(serviceLevel(f, problems));
    Duration ring = f.duration("ringTimeout", Duration.ofSeconds(15));
    if (positive(f, "ringTimeout", ring)) {
      queue.ringTimeout(ring);
    }
    Duration wrapUp = f.duration("wrapUp", Duration.ZERO);
    if (wrapUp.isNegative()) {
      f.problem("wrapUp", "must be >= 0s, got " + DurationText.format(wrapUp));
    } else {
      queue.wrapUp(wrapUp);
    }
    Duration maxWait = f.duration("maxWait");
    if (maxWait != null && positive(f, "maxWait", maxWait)) {
      queue.maxWait(maxWait);
    }
    long maxLength = f.wholeInt("maxLength", 0);
    if (maxLength < 0) {
      f.problem("maxLength", "must be >= 0 (0 for no limit), got " + maxLength);
    } else {
      queue.maxLength((int) maxLength);
    }
    QueueAction overflow = Values.action(f, "overflowAction", id);
    if (overflow instanceof QueueAction.ToQueue to && to.queue().value().equals(id)) {
      f.problem("overflowAction", "cannot send a queue's overflow to the queue itself");
    } else if (overflow != null) {
      queue.overflowAction(overflow);
    }
    queue.noAgentAction(Values.action(f, "noAgentAction", id));
    if (f.has("businessHours")) {
      f.problem("businessHours", "is not supported by the simulator: its queues are always open");
    }
    queue.announcements(AnnouncementsMapping.announcements(f, problems));
    Set<Availability> presence = presence(f);
    if (presence != null) {
      queue.allowedAvailabilities(presence);
    }
    QueueConfig config;
    try {
      config = queue.build();
    } catch (IllegalArgumentException e) {
      problems.add(item.path(), f.line(), e.getMessage());
      config = QueueConfig.builder(id).build();
    }
    Distribution handle = Values.distribution(f, "handleTime");
    if (handle == null && !f.has("handleTime")) {
      f.missing("handleTime");
    }
    return new QueueScenario(
        config,
        arrivals(f, problems),
        f.duration("arrivalsRepeatEvery"),
        priorities(f, problems),
        requirements(f, problems),
        handle == null ? PLACEHOLDER : handle,
        patience(f));
  }

  private static String id(Fields f, int index) {
    String id = f.text("id");
    if (id == null) {
      f.missing("id");
      return "queue-" + (index + 1);
    }
    try {
      return new QueueId(id).value();
    } catch (IllegalArgumentException e) {
      f.problem("id", e.getMessage());
      return "queue-" + (index + 1);
    }
  }

  /**
   * {@code skills: <expression>} (one stage), or {@code stages: [{after, skills}, ...]} where the
   * first stage applies at once and each later one starts later.
   */
  private static List<EscalationStage> stages(Fields f, Problems problems) {
    List<EscalationStage> stages = new ArrayList<>();
    if (!f.has("stages")) {
      stages.add(EscalationStage.immediately(Values.expression(f, "skills", SkillExpression.ANY)));
      return stages;
    }
    if (f.has("skills")) {
      f.problem("skills", "and stages cannot both be given: skills is short for one stage");
    }
    Duration previous = null;
    for (Fields.Item item : f.list("stages")) {
      Fields stage = new Fields(item.node(), item.path(), problems, "after", "skills");
      if (!stage.has("skills")) {
        stage.missing("skills");
      }
      SkillExpression skills = Values.expression(stage, "skills", SkillExpression.ANY);
      if (previous == null) {
        Duration after = stage.duration("after", Duration.ZERO);
        if (!after.isZero()) {
          stage.problem(
              "after",
              "of the first stage must be 0s (it applies at once), got "
                  + DurationText.format(after));
        }
        stages.add(EscalationStage.immediately(skills));
        previous = Duration.ZERO;
        continue;
      }
      if (!stage.has("after")) {
        stage.missing("after");
        continue;
      }
      Duration after = stage.duration("after");
      if (after == null) {
        continue;
      }
      if (after.compareTo(previous) <= 0) {
        stage.problem(
            "after",
            "must be later than the previous stage's ("
                + DurationText.format(previous)
                + "), got "
                + DurationText.format(after));
        continue;
      }
      stages.add(new EscalationStage(after, skills));
      previous = after;
    }
    if (stages.isEmpty()) {
      f.problem("stages", "must list at least one stage");
      stages.add(EscalationStage.immediately(SkillExpression.ANY));
    }
    return stages;
  }

  private static List<AgentId> members(Fields f) {
    List<AgentId> members = new ArrayList<>();
    for (Fields.Item item : f.list("members")) {
      if (item.node() instanceof YamlNode.Scalar scalar) {
        try {
          members.add(new AgentId(scalar.text()));
        } catch (IllegalArgumentException e) {
          f.problems().add(item.path(), item.node().line(), e.getMessage());
        }
      } else {
        f.problems().add(item.path(), item.node().line(), "must be an agent id");
      }
    }
    return members;
  }

  /** {@code serviceLevel: {percent: 80, threshold: 20s}}; default 80 % within 20 s. */
  private static ServiceLevelTarget serviceLevel(Fields f, Problems problems) {
    YamlNode node = f.get("serviceLevel");
    if (node == null) {
      return ServiceLevelTarget.eightyInTwenty();
    }
    Fields sl = new Fields(node, f.at("serviceLevel"), problems, "percent", "threshold");
    int percent = sl.wholeInt("percent", 80);
    Duration within = sl.duration("threshold", Duration.ofSeconds(20));
    if (percent < 1 || percent > 100) {
      sl.problem("percent", "must be 1-100, got " + percent);
      percent = 80;
    }
    if (!positive(sl, "threshold", within)) {
      within = Duration.ofSeconds(20);
    }
    return new ServiceLevelTarget(percent, within);
  }

  private static @Nullable Set<Availability> presence(Fields f) {
    List<Fields.Item> items = f.list("allowedAvailabilities");
    if (!f.has("allowedAvailabilities")) {
      return null;
    }
    Set<Availability> allowed = EnumSet.noneOf(Availability.class);
    for (Fields.Item item : items) {
      Availability availability =
          item.node() instanceof YamlNode.Scalar s ? Values.availability(s.text()) : null;
      if (availability == null) {
        f.problems()
            .add(
                item.path(),
                item.node().line(),
                "must be a Teams availability ("
                    + Values.availabilities()
                    + "), got "
                    + YamlNode.describe(item.node()));
      } else {
        allowed.add(availability);
      }
    }
    if (allowed.isEmpty()) {
      f.problem("allowedAvailabilities", "must list at least one availability");
      return null;
    }
    return allowed;
  }

  private static List<ArrivalStep> arrivals(Fields f, Problems problems) {
    List<ArrivalStep> steps = new ArrayList<>();
    for (Fields.Item item : f.list("arrivals")) {
      Fields step = new Fields(item.node(), item.path(), problems, "from", "perHour");
      if (!step.has("perHour")) {
        step.missing("perHour");
      }
      steps.add(new ArrivalStep(step.duration("from", Duration.ZERO), step.number("perHour", 0)));
    }
    return steps;
  }

  private static List<PriorityShare> priorities(Fields f, Problems problems) {
    List<PriorityShare> shares = new ArrayList<>();
    for (Fields.Item item : f.list("priorities")) {
      Fields share = new Fields(item.node(), item.path(), problems, "priority", "share");
      requireAll(share, "priority", "share");
      shares.add(new PriorityShare(share.wholeInt("priority", 0), share.number("share", 0)));
    }
    return shares;
  }

  private static List<RequirementShare> requirements(Fields f, Problems problems) {
    List<RequirementShare> shares = new ArrayList<>();
    for (Fields.Item item : f.list("requirements")) {
      Fields share = new Fields(item.node(), item.path(), problems, "skills", "language", "share");
      requireAll(share, "share");
      if (!share.has("skills") && !share.has("language")) {
        problems.add(item.path(), item.node().line(), "needs skills, a language or both");
      }
      shares.add(
          new RequirementShare(
              Values.expression(share, "skills", SkillExpression.ANY),
              share.text("language"),
              share.number("share", 0)));
    }
    return shares;
  }

  private static @Nullable Distribution patience(Fields f) {
    if (f.get("patience") instanceof YamlNode.Scalar scalar && scalar.text().equals("none")) {
      return null;
    }
    return Values.distribution(f, "patience");
  }

  private static void requireAll(Fields fields, String... keys) {
    for (String key : keys) {
      if (!fields.has(key)) {
        fields.missing(key);
      }
    }
  }

  static boolean positive(Fields f, String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      f.problem(key, "must be positive, got " + DurationText.format(value));
      return false;
    }
    return true;
  }
}
