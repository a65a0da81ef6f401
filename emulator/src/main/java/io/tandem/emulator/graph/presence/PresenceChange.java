package io.tandem.emulator.graph.presence;

import java.time.Instant;

/**
 * A user's aggregated presence changed.
 *
 * @param tenantId the user's tenant
 * @param userId the user's object id
 * @param before what the user showed until now
 * @param after what the user shows from {@code at}
 * @param at when it changed, on the emulator's clock
 * @param sequence the user's presence version after the change (Graph's {@code sequenceNumber})
 * @param cause what changed it: {@code setPresence}, {@code clearPresence}, {@code preferred},
 *     {@code call}, {@code client}, {@code fade}, {@code expiry}
 */
public record PresenceChange(
    String tenantId,
    String userId,
    PresenceState before,
    PresenceState after,
    Instant at,
    long sequence,
    String cause) {}
