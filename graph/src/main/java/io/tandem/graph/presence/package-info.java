/**
 * Teams presence over Microsoft Graph (MICROSOFT-CONTRACTS §2.5) for every integration model: the
 * {@link io.tandem.graph.presence.TeamsPresence} value and its parser, bulk reads through {@code
 * getPresencesByUserId} ({@link io.tandem.graph.presence.PresenceReader}), change-notification
 * subscriptions kept alive and re-created ({@link io.tandem.graph.presence.PresenceSubscriptions}),
 * the pure functions the server's notification endpoint calls ({@link
 * io.tandem.graph.presence.ValidationHandshake}, {@link
 * io.tandem.graph.presence.PresenceNotifications}), and {@link
 * io.tandem.graph.presence.PresenceFeed}, which ties them together with a polling fallback and
 * emits {@link io.tandem.graph.presence.PresenceChanged}; and the other way, Tandem's own presence
 * session for its agents' Teams users ({@link io.tandem.graph.presence.PresencePublisher}, fed by
 * the tenant listener {@link io.tandem.graph.presence.AgentCallPresence}).
 *
 * <p>The endpoint, for each POST from Graph: if {@code ValidationHandshake.answer(query)} gives a
 * token, answer 200 {@code text/plain} with it; otherwise {@code PresenceNotifications.parse(body,
 * feed.clientStates())} (400 if malformed), answer 202 at once, and hand the result to {@code
 * feed.received(…)}.
 *
 * <p>Threading: value types and parsers are immutable and pure. {@code PresenceReader} and {@code
 * PresenceSubscriptions} are thread-safe and block the calling thread for Graph requests; a batch's
 * subscription operations are serialised by a per-batch lock. {@code PresenceFeed.received} never
 * blocks: re-reads run on an injected {@link java.util.concurrent.Executor} (virtual threads in
 * production), renewals and polls on an injected {@link
 * io.tandem.graph.presence.PresenceScheduler}; reads are serialised by one lock and the listener is
 * called one change at a time on the reading thread. Time comes only from an injected {@link
 * java.time.Clock}, so tests run renewals and polls in virtual time. {@code AgentCallPresence} runs
 * on a tenant's single writer and only records wishes; {@code PresencePublisher} writes them on an
 * injected executor, one writer at a time, its timers on the {@code PresenceScheduler}.
 */
@NullMarked
package io.tandem.graph.presence;

import org.jspecify.annotations.NullMarked;
