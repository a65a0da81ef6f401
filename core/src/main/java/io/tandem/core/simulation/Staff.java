package io.tandem.core.simulation;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.agent.NotReadyReason;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.presence.Availability;
import io.tandem.core.routing.Agent;
import io.tandem.core.tenant.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The agents of a simulation and what they do: log in and out at shift edges (leaving only once
 * their call and wrap-up are done), answer offers after a delay or let them ring out (RONA) and
 * become ready again a little later, and change their Teams presence now and then.
 *
 * <p>Listeners never call the tenant directly (that would re-enter it while it publishes an event);
 * every reaction is a timer, at the earliest for the current instant.
 */
final class Staff implements TenantEventListener {

  /** One simulated agent's plans. */
  private static final class SimAgent {
    final AgentId id;
    final AgentGroup group;

    /** Shift occurrences in progress; the agent should be logged in while above 0. */
    int shiftsOn;

    /** When the current shift occurrence(s) end. */
    long offShiftAt = Long.MAX_VALUE;

    /** When the agent's current wrap-up ends, if in wrap-up. */
    long wrapUntil = -1;

    /** The instant a log-out attempt is already scheduled for, or -1. */
    long logOutScheduledAt = -1;

    SimAgent(AgentId id, AgentGroup group) {
      this.id = id;
      this.group = group;
    }
  }

  private final Tenant tenant;
  private final SimulationClock clock;
  private final SplittableRandom answering;
  private final SplittableRandom presence;
  private final Map<AgentId, SimAgent> agents = new HashMap<>();
  private final List<SimAgent> inOrder = new ArrayList<>();

  Staff(Tenant tenant, SimulationClock clock, List<AgentGroup> groups, SplittableRandom seeds) {
    this.tenant = tenant;
    this.clock = clock;
    this.answering = seeds.split();
    this.presence = seeds.split();
    for (AgentGroup group : groups) {
      for (int i = 0; i < group.count(); i++) {
        SimAgent agent = new SimAgent(new AgentId(group.agentId(i)), group);
        agents.put(agent.id, agent);
        inOrder.add(agent);
      }
    }
  }

  /** Configures every agent in the tenant, logs in those without shifts, and plans the rest. */
  void start() {
    for (SimAgent agent : inOrder) {
      tenant.configureAgent(AgentProfile.voice(agent.id.value(), agent.group.skills()));
    }
    for (SimAgent agent : inOrder) {
      if (agent.group.shifts().isEmpty()) {
        agent.shiftsOn = 1;
        tenant.logIn(agent.id, true);
      } else {
        for (Shift shift : agent.group.shifts()) {
          long start = shift.start().toNanos();
          clock.schedule(start, () -> shiftStarts(agent, shift, start));
        }
      }
      PresenceFlips flips = agent.group.presenceFlips();
      if (flips != null && flips.perHour() > 0) {
        scheduleFlip(agent, flips);
      }
    }
  }

  // --- shifts --------------------------------------------------------------------------------

  private void shiftStarts(SimAgent agent, Shift shift, long start) {
    long end = start + shift.end().minus(shift.start()).toNanos();
    agent.shiftsOn++;
    agent.offShiftAt = agent.shiftsOn == 1 ? end : Math.max(agent.offShiftAt, end);
    if (state(agent) == AgentState.OFFLINE) {
      tenant.logIn(agent.id, true);
    }
    clock.schedule(end, () -> shiftEnds(agent, shift, start));
  }

  private void shiftEnds(SimAgent agent, Shift shift, long start) {
    if (shift.every() != null) {
      long next = start + shift.every().toNanos();
      if (next == clock.now()) {
        shiftStarts(agent, shift, next);
      } else {
        clock.schedule(next, () -> shiftStarts(agent, shift, next));
      }
    }
    agent.shiftsOn--;
    logOutIfDone(agent);
  }

  /** Logs an agent out whose shift is over, unless a call or wrap-up still holds them. */
  private void logOutIfDone(SimAgent agent) {
    agent.logOutScheduledAt = -1;
    if (agent.shiftsOn > 0) {
      return;
    }
    switch (state(agent)) {
      case OFFLINE, BUSY -> {
        // Offline already, or on a call: the Disconnected event brings us back.
      }
      case WRAP_UP -> {
        if (agent.wrapUntil > clock.now()) {
          scheduleLogOut(agent, agent.wrapUntil);
        } else {
          tenant.logOut(agent.id);
        }
      }
      case READY, RESERVED, NOT_READY -> tenant.logOut(agent.id);
    }
  }

  private void scheduleLogOut(SimAgent agent, long at) {
    if (agent.logOutScheduledAt != at) {
      agent.logOutScheduledAt = at;
      clock.schedule(at, () -> logOutIfDone(agent));
    }
  }

  // --- answering -----------------------------------------------------------------------------

  private void offered(InteractionEvent.Offered offer) {
    SimAgent agent = agents.get(offer.agent());
    if (agent == null) {
      return;
    }
    long now = clock.offsetOf(offer.at());
    if (agent.shiftsOn == 0) {
      scheduleLogOut(agent, now);
      return;
    }
    AgentGroup group = agent.group;
    if (group.noAnswerProbability() > 0 && answering.nextDouble() < group.noAnswerProbability()) {
      return;
    }
    ReservationId reservation = offer.reservation();
    clock.schedule(now + group.answerDelay().sampleNanos(answering), () -> answer(reservation));
  }

  private void answer(ReservationId reservation) {
    if (tenant.state().reservation(reservation) != null) {
      tenant.acceptOffer(reservation);
    }
  }

  private void readyAgain(SimAgent agent) {
    Agent state = tenant.state().agent(agent.id);
    if (state != null
        && state.state() == AgentState.NOT_READY
        && NotReadyReason.NO_ANSWER.equals(state.notReadyReason())) {
      if (agent.shiftsOn > 0) {
        tenant.ready(agent.id);
      } else {
        tenant.logOut(agent.id);
      }
    }
  }

  private void disconnected(InteractionEvent.Disconnected disconnected) {
    SimAgent agent = agents.get(disconnected.agent());
    if (agent == null) {
      return;
    }
    long now = clock.offsetOf(disconnected.at());
    if (disconnected.wrapUpUntil() != null) {
      agent.wrapUntil = clock.offsetOf(disconnected.wrapUpUntil());
      // Scheduled now, this runs before the engine's own wrap-up timer for the same instant, so
      // the agent logs out without being offered another call first.
      if (agent.offShiftAt <= agent.wrapUntil) {
        scheduleLogOut(agent, agent.wrapUntil);
      }
    } else if (agent.shiftsOn == 0) {
      scheduleLogOut(agent, now);
    }
  }

  // --- presence ------------------------------------------------------------------------------

  private void scheduleFlip(SimAgent agent, PresenceFlips flips) {
    long gap = (long) (3_600_000_000_000d / flips.perHour() * presence.nextExponential());
    clock.scheduleAfter(gap, () -> goAway(agent, flips));
  }

  private void goAway(SimAgent agent, PresenceFlips flips) {
    tenant.presenceChanged(agent.id, flips.availability());
    long away = (long) (flips.meanAway().toNanos() * presence.nextExponential());
    clock.scheduleAfter(away, () -> comeBack(agent, flips));
  }

  private void comeBack(SimAgent agent, PresenceFlips flips) {
    tenant.presenceChanged(agent.id, Availability.AVAILABLE);
    scheduleFlip(agent, flips);
  }

  // --- events --------------------------------------------------------------------------------

  @Override
  public void on(TenantEvent event) {
    switch (event) {
      case InteractionEvent.Offered e -> offered(e);
      case InteractionEvent.OfferTimedOut e -> {
        SimAgent agent = agents.get(e.agent());
        if (agent != null) {
          clock.schedule(
              clock.offsetOf(e.at()) + agent.group.readyAgainAfter().toNanos(),
              () -> readyAgain(agent));
        }
      }
      case InteractionEvent.Disconnected e -> disconnected(e);
      default -> {
        // Agents react only to offers, missed offers and the end of calls.
      }
    }
  }

  private AgentState state(SimAgent agent) {
    return tenant.state().agent(agent.id).state();
  }
}
