package io.tandem.graph.extend;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.routing.Agent;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.voicemail.MemoryVoicemailStore;
import io.tandem.core.voicemail.VoicemailLimits;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.graph.presence.AgentCallPresence;
import io.tandem.graph.presence.PresencePublisher;
import io.tandem.graph.presence.PresenceReader;
import io.tandem.graph.presence.PresenceScheduler;
import io.tandem.graph.presence.PublishSettings;
import io.tandem.graph.presence.TeamsPresence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An {@link ExtendNode} with short durations for the end-to-end tests: 0.3 s prompts, agents who
 * are the emulator's Teams users, every tenant event kept, and the agents' Teams presence polled
 * into routing (the server's presence feed stands in here).
 */
final class ExtendRig implements AutoCloseable {

  static final String DANA = "33333333-cccc-4ddd-8eee-000000000001";
  private static final byte[] SHORT_PROMPT = ExtendNode.silence(300);

  final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  final List<String> promptsFetched = new CopyOnWriteArrayList<>();
  final ExtendCalls extend;
  final AtomicInteger rejectedTokens;
  private final ExtendNode node;
  private final Map<AgentId, String> teamsUsers = new LinkedHashMap<>();
  private final PresenceReader presence;
  private final java.util.concurrent.ExecutorService publishing =
      java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

  ExtendRig() throws Exception {
    this(VoicemailLimits.DEFAULT);
  }

  /** A rig whose voicemail keeps messages within {@code limits}. */
  ExtendRig(VoicemailLimits limits) throws Exception {
    this(limits, OfferMode.HAND_OVER);
  }

  /** A rig whose offers bring callers to agents in {@code mode}. */
  ExtendRig(OfferMode mode) throws Exception {
    this(VoicemailLimits.DEFAULT, mode);
  }

  private ExtendRig(VoicemailLimits limits, OfferMode mode) throws Exception {
    node =
        new ExtendNode(
            EmulatorSettings.defaults().journalCapacity(),
            path -> {
              promptsFetched.add(path);
              return SHORT_PROMPT;
            },
            limits,
            mode);
    extend = node.extend;
    rejectedTokens = node.rejectedTokens;
    presence = new PresenceReader(node.graph);
    node.tell(t -> t.addListener(events::add)).join();
    node.timers.scheduleWithFixedDelay(this::pollPresence, 0, 150, TimeUnit.MILLISECONDS);
  }

  /** Adds a Teams user who is no agent (someone to consult or transfer to); call before staff. */
  void teamsUser(String userId, String name, ClientBehaviour behaviour) {
    List<TeamsUser> users = new ArrayList<>(node.world().users());
    users.add(new TeamsUser(userId, name + "@graph.test", name, null, behaviour));
    node.useTeamsUsers(users);
  }

  /** Configures a further queue (after staff). */
  void queue(QueueConfig.Builder queue) {
    node.tell(t -> t.configureQueue(queue.build())).join();
  }

  /** Asks the channel for {@code action} on the first interaction's call. */
  java.util.concurrent.CompletableFuture<Void> request(
      io.tandem.core.callcontrol.CallAction action) {
    return extend
        .request(events(InteractionEvent.Arrived.class).get(0).interaction(), action)
        .toCompletableFuture();
  }

  /** Configures the billing queue and logs in agents (Teams users of the emulator) ready. */
  void staff(QueueConfig.Builder billing, Map<String, ClientBehaviour> agents, int proficiency) {
    List<TeamsUser> users = new ArrayList<>(node.world().users());
    for (Map.Entry<String, ClientBehaviour> agent : agents.entrySet()) {
      String userId =
          agent.getKey().equals("dana")
              ? DANA
              : String.format("7e7e7e7e-0000-4000-8000-%012d", teamsUsers.size());
      if (!userId.equals(DANA)) {
        users.add(
            new TeamsUser(
                userId, agent.getKey() + "@graph.test", agent.getKey(), null, agent.getValue()));
      }
      teamsUsers.put(new AgentId(agent.getKey()), userId);
    }
    node.useTeamsUsers(users);
    node.onTenant(
            t -> {
              t.configureQueue(billing.build());
              int rank = proficiency;
              for (Map.Entry<AgentId, String> agent : teamsUsers.entrySet()) {
                t.configureAgent(
                    new AgentProfile(
                        agent.getKey(),
                        agent.getKey().value(),
                        AgentSkills.of(Map.of("billing", rank)),
                        Map.of(Channel.VOICE, 1),
                        agent.getValue()));
                rank = Math.max(1, rank - 1);
                t.logIn(agent.getKey(), true);
              }
              return null;
            })
        .join();
    pollPresence();
  }

  /**
   * Teams reports {@code agent} busy as soon as they are offered a call, before the bot hears that
   * they answered (the order a loaded server may see the two notifications in).
   */
  void busyInTeamsOnceOffered(AgentId agent) {
    node.tell(
            t ->
                t.addListener(
                    event -> {
                      if (event instanceof InteractionEvent.Offered offered
                          && offered.agent().equals(agent)) {
                        node.tell(tenant -> tenant.presenceChanged(agent, Availability.BUSY));
                      }
                    }))
        .join();
  }

  /**
   * Publishes the staffed agents' calls of {@code scope} to Teams as Tandem's presence session (the
   * server's publisher stands in); call after {@link #staff}.
   */
  PresencePublisher publishCalls(Predicate<InteractionEvent.Arrived> scope) {
    PresencePublisher publisher =
        new PresencePublisher(
            node.graph,
            PublishSettings.defaults(ExtendNode.APP),
            java.time.Clock.systemUTC(),
            PresenceScheduler.onVirtualThreads(node.timers),
            publishing);
    AgentCallPresence calls = new AgentCallPresence(publisher, scope);
    node.tell(
            t -> {
              calls.agents(t.state().agents().stream().map(Agent::profile).toList());
              t.addListener(calls);
            })
        .join();
    return publisher;
  }

  /** What Teams shows for {@code agent} now, as Graph reports it ({@code Busy/InACall}). */
  String teamsShows(AgentId agent) {
    String user = teamsUsers.get(agent);
    try {
      return presence.read(List.of(user)).get(user).toString();
    } catch (io.tandem.graph.client.GraphException unread) {
      return "unread: " + unread.getMessage();
    }
  }

  /** Whether the tenant would offer {@code agent} a call now: ready, and available in Teams. */
  boolean routable(AgentId agent) {
    return node.onTenant(
            t -> {
              Agent a = t.state().agent(agent);
              return a != null
                  && a.state() == io.tandem.core.agent.AgentState.READY
                  && a.presence() == Availability.AVAILABLE;
            })
        .join();
  }

  /** The voicemail messages the channel kept. */
  MemoryVoicemailStore voicemails() {
    return node.voicemails;
  }

  /** A PSTN caller dials the help line with {@code script} fields (JSON members). */
  void dial(String scriptMembers) throws Exception {
    node.dial("+447700900123", scriptMembers);
  }

  <T extends TenantEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The emulator's HTTP base URL (its control API among the rest). */
  String emulatorBaseUrl() {
    return node.emulator.httpBaseUrl();
  }

  List<JournalEntry> journal(Predicate<JournalEntry> filter) {
    return node.emulator.journal().after(0, filter, Integer.MAX_VALUE);
  }

  private void pollPresence() {
    if (teamsUsers.isEmpty()) {
      return;
    }
    try {
      Map<String, TeamsPresence> now = presence.read(teamsUsers.values());
      node.onTenant(
          t -> {
            teamsUsers.forEach(
                (agent, user) -> {
                  TeamsPresence seen = now.get(user);
                  if (seen != null && t.state().agent(agent) != null) {
                    t.presenceChanged(agent, seen.availability());
                  }
                });
            return null;
          });
    } catch (Exception unreachable) {
      // The next poll tries again.
    }
  }

  @Override
  public void close() {
    node.close();
    publishing.shutdownNow();
  }
}
