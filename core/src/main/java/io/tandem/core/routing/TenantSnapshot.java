package io.tandem.core.routing;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.tenant.TenantId;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of a tenant's routing state and catalogue; two states are equal exactly when
 * their snapshots are (the replay test relies on it).
 */
public record TenantSnapshot(
    TenantId tenant,
    Map<AgentId, AgentView> agents,
    Map<QueueId, QueueConfig> queues,
    Map<InteractionId, InteractionView> interactions,
    Map<ReservationId, Reservation> reservations,
    Map<QueueId, List<InteractionId>> waitingLines,
    long lastArrivalOrder,
    long offersMade,
    TenantCatalog.Snapshot catalog) {}
