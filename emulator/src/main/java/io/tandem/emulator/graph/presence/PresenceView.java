package io.tandem.emulator.graph.presence;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A user's presence as Graph returns it.
 *
 * @param userId the user's object id
 * @param state availability and activity
 * @param statusMessage Graph's {@code presenceStatusMessage}, or null
 * @param sequence the version of this presence, rendered as Graph's {@code sequenceNumber}
 */
public record PresenceView(
    String userId, PresenceState state, @Nullable JsonNode statusMessage, long sequence) {}
