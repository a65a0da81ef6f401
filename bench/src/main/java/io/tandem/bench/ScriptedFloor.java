package io.tandem.bench;

import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.TenantState;
import io.tandem.core.skill.SkillExpression;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tenant in virtual time with the people around it scripted: agents who answer every offer the
 * moment it is made and hang up when told, and callers who arrive with a {@link Demand}. It learns
 * which offers were made and which interactions were answered by listening to the tenant's events,
 * as a channel adapter would; everything goes through the public {@link Tenant} commands.
 */
final class ScriptedFloor {

  /** Virtual time starts here (a Monday morning). */
  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private static final String CALLER = "+4930123456";
  private static final String ENTRY_POINT = "+4940100";

  /** Time between two setup calls, so that agents' ready and connect times differ. */
  private static final Duration SEED_STEP = Duration.ofMillis(1);

  private final VirtualTime time = new VirtualTime(START);
  private final Tenant tenant = new Tenant(new TenantId("bench"), time, time);
  private final ArrayDeque<ReservationId> offers = new ArrayDeque<>();
  private final ArrayDeque<InteractionId> answered = new ArrayDeque<>();
  private final List<Agent> rota = new ArrayList<>();
  private final List<QueueConfig> queues = new ArrayList<>();
  private int rotaCursor;

  ScriptedFloor() {
    tenant.addListener(this::on);
  }

  private void on(TenantEvent event) {
    if (event instanceof InteractionEvent.Offered offered) {
      offers.add(offered.reservation());
    } else if (event instanceof InteractionEvent.Connected connected) {
      answered.add(connected.interaction());
    }
  }

  VirtualTime time() {
    return time;
  }

  /** Moves virtual time on by {@code step}, running the timers that fall due. */
  void advance(Duration step) {
    time.advance(step);
  }

  Tenant tenant() {
    return tenant;
  }

  TenantState state() {
    return tenant.state();
  }

  /**
   * Configures the center's queues and {@code agents} agents, logs them all in and makes the first
   * {@code busy} of them busy with a call from the seed queue; the others stay ready.
   */
  void staff(SyntheticCenter center, int agents, int busy) {
    tenant.configureQueue(SyntheticCenter.seedQueue());
    for (QueueConfig queue : center.queues()) {
      tenant.configureQueue(queue);
      queues.add(queue);
    }
    List<AgentProfile> profiles = new ArrayList<>(agents);
    for (int i = 0; i < agents; i++) {
      AgentProfile profile = center.agent(i);
      profiles.add(profile);
      tenant.configureAgent(profile);
    }
    for (AgentProfile profile : profiles.subList(0, busy)) {
      tenant.logIn(profile.id(), true);
    }
    for (int i = 0; i < busy; i++) {
      advance(SEED_STEP);
      arrive(new Demand(SyntheticCenter.SEED_QUEUE, 0, null));
      answerOffers();
    }
    answered.clear();
    for (AgentProfile profile : profiles.subList(busy, agents)) {
      tenant.logIn(profile.id(), true);
    }
    profiles.forEach(profile -> rota.add(tenant.state().agent(profile.id())));
    Collections.shuffle(rota, new Random(7));
  }

  /** A caller arrives and is queued with {@code demand}; the engine may offer it at once. */
  InteractionId arrive(Demand demand) {
    InteractionId id = tenant.arrive(null, Channel.VOICE, CALLER, ENTRY_POINT, Map.of());
    if (demand.priority() != 0 || demand.language() != null) {
      tenant.setRequirements(id, demand.priority(), SkillExpression.ANY, demand.language());
    }
    tenant.enqueue(id, demand.queue(), null);
    return id;
  }

  /** Agents answer every live offer, including offers made while answering; returns how many. */
  int answerOffers() {
    int accepted = 0;
    ReservationId offer;
    while ((offer = offers.poll()) != null) {
      if (tenant.state().reservation(offer) != null) {
        tenant.acceptOffer(offer);
        accepted++;
      }
    }
    return accepted;
  }

  /**
   * Answers every offer and replaces each answered interaction by a new arrival with the same
   * demand (which may itself be answered, and replaced in turn), so the waiting line keeps its size
   * and its mix.
   */
  void answerAndReplace() {
    while (true) {
      answerOffers();
      InteractionId id = answered.poll();
      if (id == null) {
        return;
      }
      Interaction interaction = tenant.state().interaction(id);
      arrive(new Demand(interaction.queue(), interaction.priority(), interaction.language()));
    }
  }

  /** Every interaction answered since the last call is hung up by its agent; returns how many. */
  int hangUpAnswered() {
    int hungUp = 0;
    InteractionId id;
    while ((id = answered.poll()) != null) {
      tenant.agentHungUp(id);
      hungUp++;
    }
    return hungUp;
  }

  /** The next busy agent in a fixed shuffled order of all agents (each talks equally long). */
  Agent nextBusyAgent() {
    for (int tried = 0; tried < rota.size(); tried++) {
      Agent agent = rota.get(rotaCursor);
      rotaCursor = rotaCursor + 1 == rota.size() ? 0 : rotaCursor + 1;
      if (agent.state() == AgentState.BUSY) {
        return agent;
      }
    }
    throw new IllegalStateException("no agent is busy");
  }

  /** The agent ends their call (no wrap-up): they are ready and the engine may offer them work. */
  void hangUp(Agent agent) {
    tenant.agentHungUp(agent.interaction());
  }

  /** Interactions waiting in the center's queues. */
  int waiting() {
    int waiting = 0;
    for (QueueConfig queue : queues) {
      waiting += tenant.state().waitingIn(queue.id());
    }
    return waiting;
  }

  /** Agents in {@code state}. */
  int agentsIn(AgentState state) {
    int count = 0;
    for (Agent agent : rota) {
      if (agent.state() == state) {
        count++;
      }
    }
    return count;
  }

  /** One line on the floor's state, to check that a run stayed in its steady state. */
  String summary() {
    return String.format(
        "agents busy=%d ready=%d other=%d, waiting=%d, live interactions=%d, tenant timers=%d,"
            + " virtual-time timers=%d, offers made=%d, virtual time=%s",
        agentsIn(AgentState.BUSY),
        agentsIn(AgentState.READY),
        rota.size() - agentsIn(AgentState.BUSY) - agentsIn(AgentState.READY),
        waiting(),
        tenant.state().interactions().size(),
        tenant.pendingTimers(),
        time.pendingTimers(),
        tenant.state().offersMade(),
        time.instant());
  }
}
