package io.tandem.graph.presence;

import java.time.Instant;

/**
 * Tandem saw a user's Teams presence change (or learnt it for the first time).
 *
 * @param userId the user's Entra object id, as Tandem watches it
 * @param presence what the user shows now
 * @param observedAt when Tandem read it (the feed's clock); staleness is this minus when the
 *     presence changed at Microsoft
 */
public record PresenceChanged(String userId, TeamsPresence presence, Instant observedAt) {}
