/**
 * The emulated Microsoft Graph calling service (Cloud Communications, v1.0): {@code
 * /communications/calls} with its actions under both the short and the {@code microsoft.graph.}
 * qualified paths, incoming PSTN calls to bots' resource accounts, service-hosted media played
 * logically (recordResponse recordings served as WAV files of the caller's scripted speech),
 * transfers, redirects and invitations to simulated Teams users and PSTN numbers, and {@code
 * commsNotifications} to the bot signed with Graph's Bearer JWT.
 *
 * <p>Threading: requests run on the HTTP server's virtual threads, timers (answer deadline,
 * keepAlive expiry, prompt ends, scripted callers and Teams users) on the {@link
 * io.tandem.emulator.time.Scheduler}'s threads. Each call is guarded by its own monitor; every
 * change of a call and the queuing of its notifications happen under that monitor, so the queue
 * order is the order of events. Only a consultative transfer holds two calls' monitors; it takes
 * them in call-id order, so transfers that name each other cannot deadlock. Each call's
 * notifications leave from its own {@link io.tandem.emulator.graph.calls.NotificationQueue},
 * drained by one virtual thread at a time; nothing blocks a request on a bot's reply (a playPrompt
 * blocks only on the first fetch of its prompt URI).
 *
 * <p>Choices where Microsoft is silent are listed in {@code emulator/docs/graph-calls.md}.
 */
@NullMarked
package io.tandem.emulator.graph.calls;

import org.jspecify.annotations.NullMarked;
