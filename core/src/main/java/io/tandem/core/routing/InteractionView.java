package io.tandem.core.routing;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.SkillExpression;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A snapshot of an interaction's state, for reading outside the tenant's writer and comparison. */
public record InteractionView(
    InteractionId id,
    Channel channel,
    String from,
    String to,
    Map<String, String> attributes,
    long arrivalOrder,
    Instant arrivedAt,
    InteractionState state,
    Instant stateSince,
    int priority,
    SkillExpression skills,
    @Nullable String language,
    @Nullable QueueId queue,
    @Nullable Instant queuedAt,
    @Nullable Instant firstQueuedAt,
    int queueRank,
    int stage,
    @Nullable AgentId preferredAgent,
    @Nullable Instant preferredUntil,
    List<ReservationId> reservations,
    @Nullable AgentId agent,
    @Nullable String callbackNumber,
    @Nullable String endReason) {}
