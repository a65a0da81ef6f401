package io.tandem.core.routing;

import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.presence.Availability;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A snapshot of an agent's state, for reading outside the tenant's writer and for comparison. */
public record AgentView(
    AgentProfile profile,
    AgentState state,
    @Nullable String notReadyReason,
    Instant stateSince,
    Instant readySince,
    Availability presence,
    @Nullable ReservationId reservation,
    @Nullable InteractionId interaction,
    int handled,
    Duration talkTime,
    @Nullable Instant wrapUpUntil) {}
