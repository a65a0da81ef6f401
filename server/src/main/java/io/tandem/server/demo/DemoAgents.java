package io.tandem.server.demo;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.agent.NotReadyReason;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.simulation.AgentGroup;
import io.tandem.core.simulation.Distribution;
import io.tandem.core.simulation.PresenceFlips;
import io.tandem.core.tenant.Tenant;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's agents: logged in and ready from the start, they answer offers after their answer
 * delay or now and then let one ring out (RONA, then ready again a little later), complete wrap-up
 * with a code of the call's queue, take not-ready breaks, and step into Teams meetings.
 *
 * <p>Confined to the tenant's writer: {@link #on} runs there as a listener and only schedules; the
 * timers' actions run there too.
 */
final class DemoAgents {

  /** How long an agent who wanted a break while busy waits before trying again. */
  private static final Duration BREAK_RETRY = Duration.ofSeconds(20);

  private final DemoDefinition demo;
  private final DemoTimers timers;
  private final SplittableRandom random;
  private final Map<AgentId, AgentGroup> groups = new HashMap<>();

  DemoAgents(DemoDefinition demo, DemoTimers timers, SplittableRandom random) {
    this.demo = demo;
    this.timers = timers;
    this.random = random;
    for (AgentGroup group : demo.tenant().agents()) {
      for (int i = 0; i < group.count(); i++) {
        groups.put(new AgentId(group.agentId(i)), group);
      }
    }
  }

  /**
   * Logs in every demo agent who is logged out, makes those not ready ready (a break or RONA whose
   * end was lost in a restart), and plans their breaks and meetings; on the tenant's writer.
   *
   * @return how many agents logged in
   */
  int start(Tenant tenant) {
    int loggedIn = 0;
    for (AgentGroup group : demo.tenant().agents()) {
      for (int i = 0; i < group.count(); i++) {
        AgentId id = new AgentId(group.agentId(i));
        Agent agent = tenant.state().agent(id);
        if (agent != null && agent.state() == AgentState.OFFLINE) {
          tenant.logIn(id, true);
          loggedIn++;
        } else if (agent != null && agent.state() == AgentState.NOT_READY) {
          tenant.ready(id);
        }
        planBreak(id);
        if (group.presenceFlips() != null && group.presenceFlips().perHour() > 0) {
          planMeeting(id, group.presenceFlips());
        }
      }
    }
    return loggedIn;
  }

  /** Reacts to an event by scheduling what the agent does next; on the tenant's writer. */
  void on(TenantEvent event) {
    switch (event) {
      case InteractionEvent.Offered e -> offered(e);
      case InteractionEvent.OfferTimedOut e -> {
        AgentGroup group = groups.get(e.agent());
        if (group != null) {
          timers.after(group.readyAgainAfter(), tenant -> readyAgain(tenant, e.agent()));
        }
      }
      case InteractionEvent.Disconnected e -> {
        if (e.wrapUpUntil() != null && groups.containsKey(e.agent())) {
          timers.after(
              sample(demo.agents().wrapUpAfter()),
              tenant -> completeWrapUp(tenant, e.agent(), e.interaction()));
        }
      }
      default -> {
        // Agents react only to offers, missed offers and the end of calls.
      }
    }
  }

  private void offered(InteractionEvent.Offered offer) {
    AgentGroup group = groups.get(offer.agent());
    if (group == null || random.nextDouble() < group.noAnswerProbability()) {
      return; // not ours, or it rings out: the engine makes the agent not ready (RONA)
    }
    ReservationId reservation = offer.reservation();
    timers.after(
        sample(group.answerDelay()),
        tenant -> {
          if (tenant.state().reservation(reservation) != null && !answeredInTeams(tenant, offer)) {
            tenant.acceptOffer(reservation);
          }
        });
  }

  /**
   * Whether the offer is a call the Extend bot, the Connect node or the Unify application placed to
   * the agent's Teams client, which answers it itself (the emulator's Teams user), so the simulated
   * agent stays out of it.
   */
  private static boolean answeredInTeams(Tenant tenant, InteractionEvent.Offered offer) {
    Interaction interaction = tenant.state().interaction(offer.interaction());
    if (interaction == null) {
      return false;
    }
    String model = interaction.attributes().get(io.tandem.graph.extend.ExtendCalls.MODEL_ATTRIBUTE);
    return io.tandem.graph.extend.ExtendCalls.EXTEND_MODEL.equals(model)
        || io.tandem.server.connect.ConnectChannel.CONNECT_MODEL.equals(model)
        || io.tandem.acs.unify.UnifyCalls.UNIFY_MODEL.equals(model);
  }

  private static void readyAgain(Tenant tenant, AgentId id) {
    Agent agent = tenant.state().agent(id);
    if (agent != null
        && agent.state() == AgentState.NOT_READY
        && NotReadyReason.NO_ANSWER.equals(agent.notReadyReason())) {
      tenant.ready(id);
    }
  }

  private void completeWrapUp(Tenant tenant, AgentId id, InteractionId interactionId) {
    Agent agent = tenant.state().agent(id);
    if (agent == null
        || agent.state() != AgentState.WRAP_UP
        || !interactionId.equals(agent.interaction())) {
      return; // wrap-up ended by itself already
    }
    Interaction interaction = tenant.state().interaction(interactionId);
    QueueId queue = interaction == null ? null : interaction.queue();
    List<String> codes = queue == null ? List.of() : demo.agents().wrapUpCodes().get(queue);
    String code = codes == null || codes.isEmpty() ? null : codes.get(random.nextInt(codes.size()));
    tenant.completeWrapUp(id, code, null);
  }

  // --- breaks and meetings -------------------------------------------------------------------

  private void planBreak(AgentId id) {
    AgentHabits.Breaks breaks = demo.agents().breaks();
    if (breaks != null && breaks.perHour() > 0) {
      timers.after(exponentialGap(breaks.perHour()), tenant -> takeBreak(tenant, id, breaks));
    }
  }

  private void takeBreak(Tenant tenant, AgentId id, AgentHabits.Breaks breaks) {
    Agent agent = tenant.state().agent(id);
    if (agent == null || agent.state() == AgentState.OFFLINE) {
      return; // logged out by someone else: no more breaks
    }
    if (agent.state() != AgentState.READY) {
      timers.after(BREAK_RETRY, later -> takeBreak(later, id, breaks));
      return;
    }
    tenant.notReady(id, breaks.reason());
    timers.after(
        sample(breaks.length()),
        later -> {
          Agent back = later.state().agent(id);
          if (back != null
              && back.state() == AgentState.NOT_READY
              && breaks.reason().equals(back.notReadyReason())) {
            later.ready(id);
          }
          planBreak(id);
        });
  }

  private void planMeeting(AgentId id, PresenceFlips flips) {
    timers.after(
        exponentialGap(flips.perHour()),
        tenant -> {
          tenant.presenceChanged(id, flips.availability());
          Duration away =
              Duration.ofNanos((long) (flips.meanAway().toNanos() * random.nextExponential()));
          timers.after(
              away,
              later -> {
                later.presenceChanged(id, Availability.AVAILABLE);
                planMeeting(id, flips);
              });
        });
  }

  private Duration exponentialGap(double perHour) {
    return Duration.ofNanos((long) (3_600_000_000_000d / perHour * random.nextExponential()));
  }

  private Duration sample(Distribution distribution) {
    return Duration.ofNanos(distribution.sampleNanos(random));
  }
}
