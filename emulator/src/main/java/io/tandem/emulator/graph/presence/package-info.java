/**
 * The emulated Microsoft Graph presence service: users' presence aggregated from their Teams
 * client, their calls and apps' presence sessions with Graph's documented precedence, fading and
 * expiry; the presence API under {@code /v1.0}; change notification subscriptions with the webhook
 * validation handshake; Graph's throttling. Behaviour where Graph is silent is written down in
 * {@code emulator/docs/graph-presence.md}.
 *
 * <p>Threading: HTTP handlers run on the server's virtual threads; timers (fading, expiry) run on
 * the {@link io.tandem.emulator.time.Scheduler}; each user's presence is changed under that user's
 * lock, and a change is published while it is held, so listeners see one user's changes in order.
 * Notifications are posted from virtual threads, one drain at a time per subscription.
 */
@NullMarked
package io.tandem.emulator.graph.presence;

import org.jspecify.annotations.NullMarked;
