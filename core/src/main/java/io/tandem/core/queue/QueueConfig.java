package io.tandem.core.queue;

import io.tandem.core.agent.AgentId;
import io.tandem.core.presence.Availability;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A queue's configuration: who may take its interactions, in which order, and what happens when
 * waiting takes too long.
 *
 * @param id the queue's id
 * @param name display name
 * @param priority added to every interaction's own priority (higher is served first, 0-100)
 * @param stages skill requirement over time; the first applies at once, later ones widen it
 * @param members agents allowed to serve the queue in their fixed order (used by SERIAL); empty
 *     means every agent whose skills match
 * @param strategy how to pick among eligible available agents
 * @param simultaneousOffers agents offered at once under {@link RoutingStrategyKind#SIMULTANEOUS}
 * @param allowedAvailabilities Teams availabilities that may receive offers
 * @param serviceLevel the service-level target reported for this queue
 * @param maxWait longest wait before {@code overflowAction}; {@code null} for no limit
 * @param maxLength most interactions waiting before new ones overflow; 0 for no limit
 * @param overflowAction what to do on max wait or max length
 * @param noAgentAction what to do with an arrival when no eligible agent is logged in; {@code null}
 *     to queue anyway
 * @param businessHours name of the business hours the queue keeps; {@code null} for always open
 * @param closedAction what to do with an arrival while the queue is closed
 * @param wrapUp wrap-up time after each interaction; zero for none
 * @param ringTimeout how long an offer rings before it counts as not answered (RONA)
 * @param preferredAgentTimeout how long an interaction waits for its preferred (last) agent
 * @param announcements what waiting callers hear
 */
public record QueueConfig(
    QueueId id,
    String name,
    int priority,
    List<EscalationStage> stages,
    List<AgentId> members,
    RoutingStrategyKind strategy,
    int simultaneousOffers,
    Set<Availability> allowedAvailabilities,
    ServiceLevelTarget serviceLevel,
    @Nullable Duration maxWait,
    int maxLength,
    QueueAction overflowAction,
    @Nullable QueueAction noAgentAction,
    @Nullable String businessHours,
    QueueAction closedAction,
    Duration wrapUp,
    Duration ringTimeout,
    Duration preferredAgentTimeout,
    Announcements announcements) {

  /** Default offerable availabilities: Available, and Teams' idle variant of it. */
  public static final Set<Availability> DEFAULT_AVAILABILITIES =
      Set.copyOf(EnumSet.of(Availability.AVAILABLE, Availability.AVAILABLE_IDLE));

  public QueueConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    stages = List.copyOf(stages);
    members = List.copyOf(new LinkedHashSet<>(members));
    Objects.requireNonNull(strategy, "strategy");
    allowedAvailabilities = Set.copyOf(allowedAvailabilities);
    Objects.requireNonNull(serviceLevel, "serviceLevel");
    Objects.requireNonNull(overflowAction, "overflowAction");
    Objects.requireNonNull(closedAction, "closedAction");
    Objects.requireNonNull(wrapUp, "wrapUp");
    Objects.requireNonNull(ringTimeout, "ringTimeout");
    Objects.requireNonNull(preferredAgentTimeout, "preferredAgentTimeout");
    Objects.requireNonNull(announcements, "announcements");
    require(priority >= 0 && priority <= 100, "priority must be 0-100, got " + priority);
    require(!stages.isEmpty(), "a queue needs at least one skill stage (use 'any')");
    require(stages.get(0).after().isZero(), "the first skill stage must apply at once (after 0s)");
    for (int i = 1; i < stages.size(); i++) {
      require(
          stages.get(i).after().compareTo(stages.get(i - 1).after()) > 0,
          "skill stage " + i + " must start after stage " + (i - 1));
    }
    require(
        simultaneousOffers >= 1 && simultaneousOffers <= 50,
        "simultaneousOffers must be 1-50, got " + simultaneousOffers);
    require(!allowedAvailabilities.isEmpty(), "allowedAvailabilities must not be empty");
    require(
        strategy != RoutingStrategyKind.SERIAL || !members.isEmpty(),
        "the serial strategy needs the queue's members in order");
    require(maxWait == null || maxWait.isPositive(), "maxWait must be positive: " + maxWait);
    require(maxLength >= 0, "maxLength must not be negative: " + maxLength);
    require(!wrapUp.isNegative(), "wrapUp must not be negative: " + wrapUp);
    require(ringTimeout.isPositive(), "ringTimeout must be positive: " + ringTimeout);
    require(!preferredAgentTimeout.isNegative(), "preferredAgentTimeout must not be negative");
    require(
        !(overflowAction instanceof QueueAction.ToQueue to && to.queue().equals(id)),
        "a queue cannot overflow to itself");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Every skill the queue's stages name. */
  public Set<String> skillNames() {
    Set<String> names = new LinkedHashSet<>();
    stages.forEach(stage -> names.addAll(stage.skills().skillNames()));
    return names;
  }

  /** Starts a configuration with sensible defaults: any agent, longest idle, 80/20, 15 s ring. */
  public static Builder builder(String id) {
    return new Builder(new QueueId(id));
  }

  /** A copy of this configuration as a builder. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.name = name;
    b.priority = priority;
    b.stages = new ArrayList<>(stages);
    b.members = new ArrayList<>(members);
    b.strategy = strategy;
    b.simultaneousOffers = simultaneousOffers;
    b.allowedAvailabilities = allowedAvailabilities;
    b.serviceLevel = serviceLevel;
    b.maxWait = maxWait;
    b.maxLength = maxLength;
    b.overflowAction = overflowAction;
    b.noAgentAction = noAgentAction;
    b.businessHours = businessHours;
    b.closedAction = closedAction;
    b.wrapUp = wrapUp;
    b.ringTimeout = ringTimeout;
    b.preferredAgentTimeout = preferredAgentTimeout;
    b.announcements = announcements;
    return b;
  }

  /** Builds a {@link QueueConfig}; every setter returns the builder. */
  public static final class Builder {
    private final QueueId id;
    private String name;
    private int priority;
    private List<EscalationStage> stages = new ArrayList<>(List.of(stage(SkillExpression.ANY)));
    private List<AgentId> members = new ArrayList<>();
    private RoutingStrategyKind strategy = RoutingStrategyKind.LONGEST_IDLE;
    private int simultaneousOffers = 1;
    private Set<Availability> allowedAvailabilities = DEFAULT_AVAILABILITIES;
    private ServiceLevelTarget serviceLevel = ServiceLevelTarget.eightyInTwenty();
    private @Nullable Duration maxWait;
    private int maxLength;
    private QueueAction overflowAction = new QueueAction.OfferCallback();
    private @Nullable QueueAction noAgentAction;
    private @Nullable String businessHours;
    private QueueAction closedAction = new QueueAction.Disconnect("prompt:closed");
    private Duration wrapUp = Duration.ZERO;
    private Duration ringTimeout = Duration.ofSeconds(15);
    private Duration preferredAgentTimeout = Duration.ZERO;
    private Announcements announcements = Announcements.standard();

    private Builder(QueueId id) {
      this.id = id;
      this.name = id.value();
    }

    private static EscalationStage stage(SkillExpression skills) {
      return EscalationStage.immediately(skills);
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder priority(int value) {
      priority = value;
      return this;
    }

    /** Replaces the stages with one that applies at once. */
    public Builder skills(String expression) {
      stages = new ArrayList<>(List.of(stage(SkillExpression.parse(expression))));
      return this;
    }

    /** Adds a widening stage that applies after {@code after}. */
    public Builder escalateAfter(Duration after, String expression) {
      stages.add(new EscalationStage(after, SkillExpression.parse(expression)));
      return this;
    }

    public Builder stages(List<EscalationStage> value) {
      stages = new ArrayList<>(value);
      return this;
    }

    public Builder members(List<AgentId> value) {
      members = new ArrayList<>(value);
      return this;
    }

    public Builder strategy(RoutingStrategyKind value) {
      strategy = value;
      return this;
    }

    public Builder simultaneousOffers(int value) {
      simultaneousOffers = value;
      return this;
    }

    public Builder allowedAvailabilities(Set<Availability> value) {
      allowedAvailabilities = value;
      return this;
    }

    public Builder serviceLevel(ServiceLevelTarget value) {
      serviceLevel = value;
      return this;
    }

    public Builder maxWait(@Nullable Duration value) {
      maxWait = value;
      return this;
    }

    public Builder maxLength(int value) {
      maxLength = value;
      return this;
    }

    public Builder overflowAction(QueueAction value) {
      overflowAction = value;
      return this;
    }

    public Builder noAgentAction(@Nullable QueueAction value) {
      noAgentAction = value;
      return this;
    }

    public Builder businessHours(@Nullable String value) {
      businessHours = value;
      return this;
    }

    public Builder closedAction(QueueAction value) {
      closedAction = value;
      return this;
    }

    public Builder wrapUp(Duration value) {
      wrapUp = value;
      return this;
    }

    public Builder ringTimeout(Duration value) {
      ringTimeout = value;
      return this;
    }

    public Builder preferredAgentTimeout(Duration value) {
      preferredAgentTimeout = value;
      return this;
    }

    public Builder announcements(Announcements value) {
      announcements = value;
      return this;
    }

    public QueueConfig build() {
      return new QueueConfig(
          id,
          name,
          priority,
          stages,
          members,
          strategy,
          simultaneousOffers,
          allowedAvailabilities,
          serviceLevel,
          maxWait,
          maxLength,
          overflowAction,
          noAgentAction,
          businessHours,
          closedAction,
          wrapUp,
          ringTimeout,
          preferredAgentTimeout,
          announcements);
    }
  }
}
