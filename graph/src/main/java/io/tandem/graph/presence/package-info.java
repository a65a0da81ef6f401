/**
 * Teams presence over Microsoft Graph (MICROSOFT-CONTRACTS §2.5) for every integration model: the
 * {@link io.tandem.graph.presence.TeamsPresence} value and its parser, bulk reads through {@code
 * getPresencesByUserId} ({@link io.tandem.graph.presence.PresenceReader}), change-notification
 * subscriptions kept alive and re-created ({@link io.tandem.graph.presence.PresenceSubscriptions}),
 * and the pure functions the server's notification endpoint calls ({@link
 * io.tandem.graph.presence.ValidationHandshake}, {@link
 * io.tandem.graph.presence.PresenceNotifications}).
 *
 * <p>The endpoint, for each POST from Graph: if {@code ValidationHandshake.answer(query)} gives a
 * token, answer 200 {@code text/plain} with it; otherwise parse the body with {@code
 * PresenceNotifications.parse} (400 if malformed) and answer 202 at once, refused items included.
 *
 * <p>Threading: value types and parsers are immutable and pure. {@code PresenceReader} and {@code
 * PresenceSubscriptions} are thread-safe and block the calling thread for Graph requests; a batch's
 * subscription operations are serialised by a per-batch lock. Renewals run on an injected {@link
 * io.tandem.graph.presence.PresenceScheduler} and time comes only from an injected {@link
 * java.time.Clock}, so tests run them in virtual time.
 */
@NullMarked
package io.tandem.graph.presence;

import org.jspecify.annotations.NullMarked;
