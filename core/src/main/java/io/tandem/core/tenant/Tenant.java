package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.QueuePlace;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.RoutingEngine;
import io.tandem.core.routing.TenantCatalog;
import io.tandem.core.routing.TenantState;
import io.tandem.core.routing.strategy.RoutingStrategies;
import io.tandem.core.skill.SkillDefinition;
import io.tandem.core.skill.SkillExpression;
import io.tandem.core.time.Scheduler;
import io.tandem.core.wrapup.WrapUpCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's contact center: the commands channels, agents and supervisors send, each turned into
 * events that are applied to the {@link TenantState} and then published to listeners.
 *
 * <p>Single writer: every method must be called on the tenant's one logical thread (see {@link
 * TenantMailbox}); timers from the injected {@link Scheduler} run there too. A command that the
 * state does not allow throws {@link IllegalTransitionException} and changes nothing; an unknown id
 * throws {@link IllegalArgumentException}.
 *
 * <p>This class is the tenant's whole command surface: documented one-line entry points that hand
 * over to {@link AgentCommands}, {@link QueueConfiguration}, {@link WorkCommands}, {@link
 * QueueRules}, {@link CallbackCommands}, the catalogue and the routing state.
 */
public final class Tenant {

  private final TenantState state;
  private final Clock clock;
  private final TenantTimers timers;
  private final Dispatcher dispatcher;
  private final QueueRules queueRules;
  private final WorkCommands work;
  private final List<TenantEventListener> listeners = new CopyOnWriteArrayList<>();
  private final CatalogCommands catalog;
  private final VirtualAssistants assistants;
  private final io.tandem.core.insight.InsightCommands insights;
  private final WaitEstimates waits = new WaitEstimates();
  private final CallbackCommands callbacks;
  private final AgentCommands agents;
  private final QueueConfiguration queueConfiguration;

  public Tenant(TenantId id, Clock clock, Scheduler scheduler) {
    this.state = new TenantState(id);
    this.clock = clock;
    this.timers = new TenantTimers(scheduler);
    this.dispatcher =
        new Dispatcher(this, state, new RoutingEngine(state, new RoutingStrategies()));
    this.queueRules = new QueueRules(this, state);
    this.work = new WorkCommands(this, state);
    this.assistants = new VirtualAssistants(this, clock);
    this.catalog = new CatalogCommands(this, state);
    this.insights =
        new io.tandem.core.insight.InsightCommands(
            this::emit, clock, interaction -> state.interaction(interaction) != null);
    listeners.add(insights.endings());
    listeners.add(waits);
    this.callbacks = new CallbackCommands(this, state);
    listeners.add(callbacks);
    this.agents = new AgentCommands(this, state);
    this.queueConfiguration = new QueueConfiguration(this, state);
  }

  public TenantId id() {
    return state.tenant();
  }

  /** The live state, for reading on the tenant's thread. */
  public TenantState state() {
    return state;
  }

  /**
   * What the announcement of a waiting caller says now, as their queue's announcements ask: the
   * position, and the expected wait once the queue has handled enough calls to know it ({@link
   * QueuePlace#NONE} when the interaction is not waiting in a queue).
   */
  public QueuePlace placeOf(InteractionId id) {
    return waits.placeOf(state, id);
  }

  public void addListener(TenantEventListener listener) {
    listeners.add(listener);
  }

  // --- configuration -------------------------------------------------------------------------

  /** Adds or updates an agent; a ready agent whose skills changed may get work at once. */
  public void configureAgent(AgentProfile profile) {
    agents.configure(profile);
  }

  /** Removes a logged-out agent. */
  public void removeAgent(AgentId id) {
    agents.remove(id);
  }

  /** Adds or updates a queue; its references (overflow queue, business hours) must exist. */
  public void configureQueue(QueueConfig config) {
    configureQueues(List.of(config));
  }

  /**
   * Adds or updates several queues at once: their references must exist in the tenant or among
   * {@code configs}, so queues may overflow to each other. Checks all before changing any.
   */
  public void configureQueues(List<QueueConfig> configs) {
    queueConfiguration.configure(configs);
  }

  /** Removes a queue nothing waits or rings in and no other queue overflows to. */
  public void removeQueue(QueueId id) {
    removeQueues(List.of(id));
  }

  /**
   * Removes several queues at once: nothing may wait or ring in them, and no queue left and no flow
   * may refer to them (they may refer to each other). Checks all before removing any.
   */
  public void removeQueues(java.util.Collection<QueueId> ids) {
    queueConfiguration.remove(ids);
  }

  /** Adds or replaces named business hours that queues and flows may refer to. */
  public void defineBusinessHours(BusinessHours hours) {
    catalog.defineBusinessHours(hours);
  }

  /** Removes business hours no queue or flow refers to. */
  public void removeBusinessHours(String name) {
    catalog.removeBusinessHours(name);
  }

  public @Nullable BusinessHours businessHours(String name) {
    return state.catalog().businessHours(name);
  }

  /** Business hours, skills, flows and wrap-up codes, for reading on the tenant's thread. */
  public TenantCatalog catalog() {
    return state.catalog();
  }

  /** Adds a skill to the tenant's catalogue, or replaces its description. */
  public void defineSkill(SkillDefinition skill) {
    catalog.defineSkill(skill);
  }

  /** Removes a skill from the catalogue unless a flow still needs it. */
  public void removeSkill(String name) {
    catalog.removeSkill(name);
  }

  /**
   * Stores a flow (adding or replacing it) after validating it against this tenant.
   *
   * @throws io.tandem.core.flow.InvalidFlowException listing every problem of the flow
   */
  public void defineFlow(io.tandem.core.flow.Flow flow) {
    catalog.defineFlow(flow);
  }

  /** Removes a stored flow; interactions already in it run on. */
  public void removeFlow(String id) {
    catalog.removeFlow(id);
  }

  /**
   * The stored flow {@code id}, validated against the tenant as it is now, ready to start.
   *
   * @throws IllegalArgumentException if there is no such flow
   * @throws io.tandem.core.flow.InvalidFlowException if it no longer validates
   */
  public io.tandem.core.flow.ValidatedFlow flow(String id) {
    io.tandem.core.flow.Flow flow = state.catalog().flow(id);
    if (flow == null) {
      throw new IllegalArgumentException("unknown flow " + id);
    }
    return io.tandem.core.flow.FlowValidator.validate(flow, flowCatalog());
  }

  /** Adds a wrap-up code to the end of the tenant's list, or relabels it in place. */
  public void defineWrapUpCode(WrapUpCode code) {
    catalog.defineWrapUpCode(code);
  }

  /** Removes a wrap-up code from the tenant's list. */
  public void removeWrapUpCode(String code) {
    catalog.removeWrapUpCode(code);
  }

  // --- agents --------------------------------------------------------------------------------

  /** Logs the agent in, ready for offers or not. */
  public void logIn(AgentId id, boolean ready) {
    agents.logIn(id, ready);
  }

  /** Makes the agent ready (from not ready, or finishing wrap-up without a code). */
  public void ready(AgentId id) {
    agents.ready(id);
  }

  /** Makes the agent not ready; an offer ringing them is withdrawn and rerouted. */
  public void notReady(AgentId id, String reason) {
    agents.notReady(id, reason);
  }

  /** Logs the agent out; a ringing offer is withdrawn, wrap-up completes, held work is released. */
  public void logOut(AgentId id) {
    agents.logOut(id);
  }

  /** The agent's Teams availability changed. */
  public void presenceChanged(AgentId id, Availability availability) {
    agents.presenceChanged(id, availability);
  }

  /**
   * The agent finished wrap-up with a disposition code and notes; once the tenant has wrap-up
   * codes, the code must be one of them.
   */
  public void completeWrapUp(AgentId id, @Nullable String code, @Nullable String notes) {
    agents.completeWrapUp(id, code, notes);
  }

  // --- interactions --------------------------------------------------------------------------

  /** A contact arrived; returns its id. It stays ARRIVING until a flow or queue takes it. */
  public InteractionId arrive(
      @Nullable InteractionId id,
      Channel channel,
      String from,
      String to,
      Map<String, String> attributes) {
    long order = state.nextArrivalOrder();
    InteractionId interaction = id != null ? id : new InteractionId("i" + order);
    require(state.interaction(interaction) == null, "interaction " + interaction + " exists");
    emit(new InteractionEvent.Arrived(interaction, channel, from, to, attributes, order, now()));
    return interaction;
  }

  /**
   * Runs the entry flow (virtual assistant) for an arriving interaction. The channel plays and
   * listens through {@code media}, and reports outcomes to {@link #virtualAssistantOf}.
   */
  public void startVirtualAssistant(
      InteractionId id,
      io.tandem.core.flow.ValidatedFlow flow,
      io.tandem.core.flow.FlowMedia media,
      io.tandem.core.flow.DataLookup lookup) {
    Interaction interaction = requireInteraction(id);
    require(
        interaction.state() == InteractionState.ARRIVING,
        "interaction " + id + " cannot start a flow while " + interaction.state());
    assistants.start(interaction, flow, media, lookup);
  }

  /**
   * Records that the interaction is in a virtual assistant that runs outside Tandem's interpreter
   * (e.g. a Teams auto attendant in front of the bot); it leaves by {@link #enqueue} or {@link
   * #leaveVirtualAssistant}.
   */
  public void startVirtualAssistant(InteractionId id, String externalFlow) {
    Interaction interaction = requireInteraction(id);
    require(
        interaction.state() == InteractionState.ARRIVING,
        "interaction " + id + " cannot start a flow while " + interaction.state());
    emit(new InteractionEvent.VirtualAssistantStarted(id, externalFlow, now()));
  }

  /** The flow running for the interaction, to report media and lookup outcomes to; or null. */
  public io.tandem.core.flow.@Nullable FlowRun virtualAssistantOf(InteractionId id) {
    return assistants.runOf(id);
  }

  /** What this tenant's flows may refer to (for {@code FlowValidator.validate}). */
  public io.tandem.core.flow.FlowCatalog flowCatalog() {
    return new TenantFlowCatalog(this);
  }

  /**
   * Adds a skill to the tenant's catalogue with no description (agents' and queues' skills are
   * known anyway).
   */
  public void defineSkill(String skill) {
    defineSkill(new SkillDefinition(skill, ""));
  }

  /** Adds or replaces attributes of a live interaction. */
  public void setAttributes(InteractionId id, Map<String, String> attributes) {
    requireInteraction(id);
    emit(new InteractionEvent.AttributesChanged(id, attributes, now()));
  }

  /** Sets the interaction's own priority, extra skills and language (re-ranks it if waiting). */
  public void setRequirements(
      InteractionId id, int priority, SkillExpression skills, @Nullable String language) {
    Interaction interaction = requireInteraction(id);
    require(priority >= 0 && priority <= 100, "priority must be 0-100, got " + priority);
    emit(new InteractionEvent.RequirementsChanged(id, priority, skills, language, now()));
    dispatcher.route(interaction);
  }

  /** Queues the interaction; it may first wait for {@code preferredAgent} (e.g. the last agent). */
  public void enqueue(InteractionId id, QueueId queue, @Nullable AgentId preferredAgent) {
    Interaction interaction = requireInteraction(id);
    requireQueue(queue);
    InteractionState from = interaction.state();
    require(
        from == InteractionState.ARRIVING || from == InteractionState.IN_VIRTUAL_ASSISTANT,
        "interaction " + id + " cannot be queued while " + from);
    queueRules.enqueue(interaction, queue, preferredAgent, 0);
  }

  /** The caller asked to be called back at {@code number}, keeping their place. */
  public void requestCallback(InteractionId id, QueueId queue, String number) {
    Interaction interaction = requireInteraction(id);
    require(
        interaction.state() == InteractionState.QUEUED
            || interaction.state() == InteractionState.IN_VIRTUAL_ASSISTANT,
        "interaction " + id + " cannot request a callback while " + interaction.state());
    queueRules.requestCallback(interaction, requireQueue(queue), number);
  }

  /** The agent answered the offer. */
  public void acceptOffer(ReservationId reservation) {
    dispatcher.accept(reservation);
  }

  /** The agent declined the offer (e.g. Teams 603 Decline). */
  public void declineOffer(ReservationId reservation) {
    dispatcher.decline(reservation);
  }

  /** The customer hung up, whatever the interaction was doing. */
  public void customerHungUp(InteractionId id) {
    Interaction interaction = requireInteraction(id);
    assistants.stop(id);
    work.customerHungUp(interaction);
  }

  /** The agent ended the call. */
  public void agentHungUp(InteractionId id) {
    work.disconnect(requireInteraction(id), io.tandem.core.interaction.DisconnectedBy.AGENT);
  }

  /**
   * The call of an interaction with an agent ended, ended by {@code by}; the agent goes to wrap-up
   * or ready.
   */
  public void callEnded(InteractionId id, io.tandem.core.interaction.DisconnectedBy by) {
    work.disconnect(requireInteraction(id), by);
  }

  /** Channel-side controls of a connected interaction. */
  public WorkCommands work() {
    return work;
  }

  /** Callbacks on the wire: the dialling channel, the retry policy, and the dial's outcomes. */
  public CallbackCommands callbacks() {
    return callbacks;
  }

  /** Transcripts, recording states and summaries of interactions. */
  public io.tandem.core.insight.InsightCommands insights() {
    return insights;
  }

  /** The interaction failed (a channel error); any agent with it is freed. */
  public void fail(InteractionId id, String reason) {
    Interaction interaction = requireInteraction(id);
    assistants.stop(id);
    work.fail(interaction, reason);
  }

  /** The interaction ended with no agent work (a flow hung up, voicemail left …). */
  public void end(InteractionId id, String reason) {
    work.end(requireInteraction(id), reason);
  }

  /**
   * The caller's voicemail is over: with {@code message} (a kept message's id) the message is named
   * on the timeline ({@code VoicemailLeft}); either way the interaction ends {@code voicemail}.
   */
  public void voicemailEnded(InteractionId id, @Nullable String message, Duration length) {
    work.voicemailEnded(requireInteraction(id), message, length);
  }

  /** Carries out a queue action on an interaction in a flow (e.g. voicemail, forward). */
  public void leaveVirtualAssistant(InteractionId id, QueueAction action) {
    Interaction interaction = requireInteraction(id);
    require(
        interaction.state() == InteractionState.IN_VIRTUAL_ASSISTANT
            || interaction.state() == InteractionState.ARRIVING,
        "interaction " + id + " is not in a flow");
    work.leaveFlow(interaction, action);
  }

  /**
   * Rebuilds this new tenant from its event log after a restart (see {@link Recovery}): the logged
   * events are applied without being published again; the events recovery itself emits (ending
   * interactions {@code lost-on-restart}, withdrawn offers, new offers) reach the listeners as
   * usual, so a listener that appends to the log may be attached before calling this.
   */
  public RecoveryReport recover(List<TenantEvent> log) {
    return new Recovery(this, state).recover(log);
  }

  // --- for the package ------------------------------------------------------------------------

  Instant now() {
    return clock.instant();
  }

  void emit(TenantEvent event) {
    state.apply(event);
    for (TenantEventListener listener : listeners) {
      listener.on(event);
    }
  }

  TenantTimers timers() {
    return timers;
  }

  Dispatcher dispatcher() {
    return dispatcher;
  }

  QueueRules queueRules() {
    return queueRules;
  }

  CatalogCommands catalogCommands() {
    return catalog;
  }

  /** Pending timers (for tests: nothing may be left behind). */
  public int pendingTimers() {
    return timers.pendingCount();
  }

  Agent requireAgent(AgentId id) {
    Agent agent = state.agent(id);
    if (agent == null) {
      throw new IllegalArgumentException("unknown agent " + id);
    }
    return agent;
  }

  QueueConfig requireQueue(QueueId id) {
    QueueConfig queue = state.queue(id);
    if (queue == null) {
      throw new IllegalArgumentException("unknown queue " + id);
    }
    return queue;
  }

  Interaction requireInteraction(InteractionId id) {
    Interaction interaction = state.interaction(id);
    if (interaction == null) {
      throw new IllegalArgumentException("unknown or ended interaction " + id);
    }
    return interaction;
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalTransitionException(message);
    }
  }
}
