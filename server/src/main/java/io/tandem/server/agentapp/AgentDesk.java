package io.tandem.server.agentapp;

import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.Reservation;
import io.tandem.core.routing.TenantState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an agent's page shows at one moment: the agent's state, the offer ringing for them and the
 * interaction they work on (or just worked on, in wrap-up).
 *
 * @param now the server's time of the reading, for counting down on a client with another clock
 * @param agent the agent's state
 * @param offer the interaction offered to the agent while their state is {@code RESERVED}
 * @param interaction the interaction the agent works on while busy or in wrap-up
 * @param notReadyReasons the reasons the page offers for not ready ({@code
 *     tandem.agent-app.not-ready-reasons})
 */
record AgentDesk(
    Instant now,
    AgentPart agent,
    @Nullable Offer offer,
    @Nullable Work interaction,
    List<String> notReadyReasons) {

  /**
   * The agent: {@code state} is an {@code AgentState} name; {@code wrapUpUntil} is set in wrap-up.
   */
  record AgentPart(
      String id,
      String name,
      String state,
      @Nullable String notReadyReason,
      Instant stateSince,
      String presence,
      @Nullable Instant wrapUpUntil) {}

  /** An offer: the interaction ringing for the agent until {@code deadline}. */
  record Offer(Work interaction, Instant deadline) {}

  /**
   * An interaction as the agent sees it; {@code state} is an {@code InteractionState} name, {@code
   * waitingSince} when it first joined a queue.
   */
  record Work(
      String id,
      String channel,
      String from,
      String to,
      String state,
      Instant stateSince,
      Instant arrivedAt,
      @Nullable String queue,
      @Nullable String queueName,
      @Nullable Instant waitingSince,
      Map<String, String> attributes) {

    static Work of(Interaction interaction, TenantState state) {
      QueueId queue = interaction.queue();
      QueueConfig config = queue == null ? null : state.queue(queue);
      return new Work(
          interaction.id().value(),
          interaction.channel().name(),
          interaction.from(),
          interaction.to(),
          interaction.state().name(),
          interaction.stateSince(),
          interaction.arrivedAt(),
          queue == null ? null : queue.value(),
          config == null ? null : config.name(),
          interaction.firstQueuedAt(),
          interaction.attributes());
    }
  }

  /** Reads {@code agent}'s desk from {@code state}, on the tenant's writer. */
  static AgentDesk read(Agent agent, TenantState state, Instant now, List<String> reasons) {
    Offer offer = null;
    if (agent.reservation() != null) {
      Reservation reservation = state.reservation(agent.reservation());
      Interaction offered =
          reservation == null ? null : state.interaction(reservation.interaction());
      if (offered != null) {
        offer = new Offer(Work.of(offered, state), reservation.deadline());
      }
    }
    Work work = null;
    if (agent.interaction() != null) {
      Interaction current = state.interaction(agent.interaction());
      if (current != null) {
        work = Work.of(current, state);
      }
    }
    return new AgentDesk(
        now,
        new AgentPart(
            agent.id().value(),
            agent.profile().name(),
            agent.state().name(),
            agent.notReadyReason(),
            agent.stateSince(),
            agent.presence().name(),
            agent.wrapUpUntil()),
        offer,
        work,
        reasons);
  }
}
