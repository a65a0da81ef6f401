package io.tandem.core.routing;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import java.time.Instant;

/**
 * One live offer of an interaction to an agent; it ends by answer, no answer, decline or
 * withdrawal.
 */
public record Reservation(
    ReservationId id, InteractionId interaction, AgentId agent, Instant deadline) {}
