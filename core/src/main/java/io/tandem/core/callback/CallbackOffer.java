package io.tandem.core.callback;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A callback offered to an agent, as the dialler needs it: ring {@code agent} until {@code
 * deadline}; once they answer ({@code Tenant.callbacks().agentAnswered(reservation)}) call the
 * customer at {@code number}.
 *
 * @param interaction the callback
 * @param reservation the offer to the agent
 * @param agent the agent offered the callback
 * @param agentTeamsUserId the agent's Teams (Entra) object id, if they have one
 * @param number the customer's number (E.164)
 * @param queue the queue the callback waits in
 * @param calledAddress what the customer called originally (a number or a resource account id)
 * @param attempt the attempt this will be if the agent answers, counted from 1
 * @param deadline when the offer times out (RONA)
 */
public record CallbackOffer(
    InteractionId interaction,
    ReservationId reservation,
    AgentId agent,
    @Nullable String agentTeamsUserId,
    String number,
    QueueId queue,
    String calledAddress,
    int attempt,
    Instant deadline) {

  public CallbackOffer {
    Objects.requireNonNull(interaction, "interaction");
    Objects.requireNonNull(reservation, "reservation");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(calledAddress, "calledAddress");
    Objects.requireNonNull(deadline, "deadline");
  }
}
