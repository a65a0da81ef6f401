package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.skill.AgentSkills;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one tenant in virtual time for behaviour tests: configures agents and queues in one line
 * each, places calls, and records every event so tests can ask who was offered what.
 */
final class TenantDriver {

  /** Monday 2026-11-23 09:00 UTC. */
  static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  final io.tandem.core.time.VirtualTime time = new io.tandem.core.time.VirtualTime(START);
  final Tenant tenant = new Tenant(new TenantId("acme"), time, time);
  final List<TenantEvent> events = new ArrayList<>();

  TenantDriver() {
    tenant.addListener(events::add);
  }

  /** Adds an agent with skills given as {@code "billing", 3, "support", 5} and languages. */
  AgentId agent(String id, Map<String, Integer> skills, String... languages) {
    tenant.configureAgent(AgentProfile.voice(id, AgentSkills.of(skills, languages)));
    return new AgentId(id);
  }

  /** Adds an agent and logs them in ready. */
  AgentId readyAgent(String id, Map<String, Integer> skills, String... languages) {
    AgentId agent = agent(id, skills, languages);
    tenant.logIn(agent, true);
    return agent;
  }

  AgentId readyAgent(String id) {
    return readyAgent(id, Map.of("general", 3), "en");
  }

  QueueId queue(QueueConfig config) {
    tenant.configureQueue(config);
    return config.id();
  }

  /** A call from a new caller that goes straight into {@code queue}. */
  InteractionId call(QueueId queue) {
    InteractionId id =
        tenant.arrive(
            null, Channel.VOICE, "+4930" + (1000000 + events.size()), "+4930999", Map.of());
    tenant.enqueue(id, queue, null);
    return id;
  }

  void advance(Duration step) {
    time.advance(step);
  }

  Agent agentState(AgentId id) {
    return tenant.state().agent(id);
  }

  InteractionState stateOf(InteractionId id) {
    Interaction live = tenant.state().interaction(id);
    if (live != null) {
      return live.state();
    }
    return ended(id);
  }

  private InteractionState ended(InteractionId id) {
    for (int i = events.size() - 1; i >= 0; i--) {
      TenantEvent event = events.get(i);
      if (event instanceof InteractionEvent e && e.interaction().equals(id)) {
        return switch (e) {
          case InteractionEvent.Abandoned a -> InteractionState.ABANDONED;
          case InteractionEvent.Failed f -> InteractionState.FAILED;
          default -> InteractionState.ENDED;
        };
      }
    }
    throw new AssertionError("no events for " + id);
  }

  /** The live offer ringing {@code agent}. */
  ReservationId offerTo(AgentId agent) {
    ReservationId reservation = agentState(agent).reservation();
    if (reservation == null) {
      throw new AssertionError(agent + " has no offer; state " + agentState(agent).state());
    }
    return reservation;
  }

  /** Which interaction the offer ringing {@code agent} is for. */
  InteractionId offeredTo(AgentId agent) {
    return tenant.state().reservation(offerTo(agent)).interaction();
  }

  /** The agent answers their ringing offer. */
  void answer(AgentId agent) {
    tenant.acceptOffer(offerTo(agent));
  }

  /** Every offer event, in order, as "interaction->agent". */
  List<String> offers() {
    List<String> offers = new ArrayList<>();
    for (TenantEvent event : events) {
      if (event instanceof InteractionEvent.Offered o) {
        offers.add(o.interaction() + "->" + o.agent());
      }
    }
    return offers;
  }

  @SuppressWarnings("unchecked")
  <T extends TenantEvent> List<T> eventsOf(Class<T> type) {
    return (List<T>) events.stream().filter(type::isInstance).toList();
  }

  static Map<String, Integer> skills(Object... pairs) {
    Map<String, Integer> skills = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      skills.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return skills;
  }

  static List<AgentId> agents(String... ids) {
    return Arrays.stream(ids).map(AgentId::new).toList();
  }
}
