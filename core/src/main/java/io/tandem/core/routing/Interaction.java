package io.tandem.core.routing;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.SkillExpression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One customer contact as the routing engine tracks it, from arrival until it ends. Holds no SIP,
 * HTTP or database handle. Changed only by {@link TenantState#apply}; everyone else reads.
 */
public final class Interaction {

  private final InteractionId id;
  private final Instant arrivedAt;
  private final long arrivalOrder;
  private final String from;
  private final String to;
  private final Map<String, String> attributes;
  private Channel channel;
  private InteractionState state = InteractionState.ARRIVING;
  private Instant stateSince;
  private int priority;
  private SkillExpression skills = SkillExpression.ANY;
  private @Nullable String language;
  private @Nullable QueueId queue;
  private @Nullable Instant queuedAt;
  private @Nullable Instant firstQueuedAt;
  private int queueRank;
  private int stage;
  private @Nullable AgentId preferredAgent;
  private @Nullable Instant preferredUntil;
  private final List<ReservationId> reservations = new ArrayList<>(1);
  private @Nullable AgentId agent;
  private @Nullable String callbackNumber;
  private int callbackAttempts;
  private @Nullable Instant callbackRetryAt;
  private @Nullable String endReason;
  @Nullable RoutingGroup group;

  Interaction(
      InteractionId id,
      Channel channel,
      String from,
      String to,
      Map<String, String> attributes,
      long arrivalOrder,
      Instant at) {
    this.id = id;
    this.channel = channel;
    this.from = from;
    this.to = to;
    this.attributes = new HashMap<>(attributes);
    this.arrivalOrder = arrivalOrder;
    this.arrivedAt = at;
    this.stateSince = at;
  }

  public InteractionId id() {
    return id;
  }

  public Channel channel() {
    return channel;
  }

  /** Who contacted (the caller's number or identity). */
  public String from() {
    return from;
  }

  /** What they contacted (the dialled number or entry point). */
  public String to() {
    return to;
  }

  public Instant arrivedAt() {
    return arrivedAt;
  }

  /** Rank among all arrivals of the tenant; ties in priority go to the lower rank. */
  public long arrivalOrder() {
    return arrivalOrder;
  }

  public InteractionState state() {
    return state;
  }

  public Instant stateSince() {
    return stateSince;
  }

  /** The interaction's own priority (the queue's priority is added when ranking). */
  public int priority() {
    return priority;
  }

  /** Skills required on top of the queue's own stages ({@code any} when none). */
  public SkillExpression skills() {
    return skills;
  }

  public @Nullable String language() {
    return language;
  }

  /** The queue it waits in or was last routed from. */
  public @Nullable QueueId queue() {
    return queue;
  }

  /** When it joined its current queue. */
  public @Nullable Instant queuedAt() {
    return queuedAt;
  }

  /** When it first joined any queue (the start of its wait for answer-time KPIs). */
  public @Nullable Instant firstQueuedAt() {
    return firstQueuedAt;
  }

  /** Queue priority plus own priority: higher is served first. */
  public int queueRank() {
    return queueRank;
  }

  /** Index of the queue's skill stage reached (0 = the first). */
  public int stage() {
    return stage;
  }

  public @Nullable AgentId preferredAgent() {
    return preferredAgent;
  }

  public @Nullable Instant preferredUntil() {
    return preferredUntil;
  }

  /** Live offers of this interaction (several under simultaneous offer). */
  public List<ReservationId> reservations() {
    return List.copyOf(reservations);
  }

  /** The agent it is connected to (or was last, in wrap-up). */
  public @Nullable AgentId agent() {
    return agent;
  }

  public @Nullable String callbackNumber() {
    return callbackNumber;
  }

  /** Why it ended, once terminal. */
  /**
   * Calls placed to the customer of this callback so far (each agent who answered dialled once).
   */
  public int callbackAttempts() {
    return callbackAttempts;
  }

  /** When a callback whose customer was not reached is tried again; null unless scheduled. */
  public @Nullable Instant callbackRetryAt() {
    return callbackRetryAt;
  }

  public @Nullable String endReason() {
    return endReason;
  }

  /** The attributes gathered so far (caller data, lookups, flow choices). */
  public Map<String, String> attributes() {
    return Map.copyOf(attributes);
  }

  /** Whether the interaction waits only for its preferred agent right now. */
  public boolean isHeldForPreferredAgent() {
    return preferredAgent != null;
  }

  /** Throws unless the state table lets the interaction move to {@code next} now. */
  void requireCanMoveTo(InteractionState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalTransitionException("interaction " + id, state, next);
    }
  }

  void move(InteractionState next, Instant at) {
    requireCanMoveTo(next);
    state = next;
    stateSince = at;
  }

  void putAttributes(Map<String, String> values) {
    attributes.putAll(values);
  }

  void requirements(int newPriority, SkillExpression newSkills, @Nullable String newLanguage) {
    priority = newPriority;
    skills = newSkills;
    language = newLanguage;
  }

  void queue(QueueId id, int queuePriority, Instant at) {
    queue = id;
    queuedAt = at;
    if (firstQueuedAt == null) {
      firstQueuedAt = at;
    }
    queueRank = queuePriority + priority;
    stage = 0;
  }

  /** Recomputes the rank after the own priority changed, keeping place and stage. */
  void rerank(int queuePriority) {
    queueRank = queuePriority + priority;
  }

  void stage(int newStage) {
    stage = newStage;
  }

  void prefer(@Nullable AgentId agentId, @Nullable Instant until) {
    preferredAgent = agentId;
    preferredUntil = until;
  }

  void addReservation(ReservationId reservation) {
    reservations.add(reservation);
  }

  void removeReservation(ReservationId reservation) {
    reservations.remove(reservation);
  }

  void channel(Channel newChannel) {
    channel = newChannel;
  }

  void agent(@Nullable AgentId agentId) {
    agent = agentId;
  }

  void callbackNumber(@Nullable String number) {
    callbackNumber = number;
  }

  void callbackAttempt(int attempt) {
    callbackAttempts = attempt;
  }

  void callbackRetryAt(@Nullable Instant at) {
    callbackRetryAt = at;
  }

  void endReason(String reason) {
    endReason = reason;
  }

  /** An immutable copy of everything the interaction's state holds. */
  public InteractionView view() {
    return new InteractionView(
        id,
        channel,
        from,
        to,
        Map.copyOf(attributes),
        arrivalOrder,
        arrivedAt,
        state,
        stateSince,
        priority,
        skills,
        language,
        queue,
        queuedAt,
        firstQueuedAt,
        queueRank,
        stage,
        preferredAgent,
        preferredUntil,
        List.copyOf(reservations),
        agent,
        callbackNumber,
        endReason);
  }

  @Override
  public String toString() {
    return id + "(" + state + ")";
  }
}
