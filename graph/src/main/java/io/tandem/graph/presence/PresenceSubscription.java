package io.tandem.graph.presence;

import java.time.Instant;

/**
 * One of Tandem's presence subscriptions as Graph holds it now.
 *
 * @param id Graph's subscription id
 * @param userCount how many users it watches (at most 650)
 * @param expiration when Graph ends it unless it is renewed
 */
public record PresenceSubscription(String id, int userCount, Instant expiration) {}
