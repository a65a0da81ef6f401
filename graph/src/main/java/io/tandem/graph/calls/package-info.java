/**
 * Graph call control as typed operations (answer, reject, redirect, transfer, playPrompt,
 * subscribeToTone, cancelMediaProcessing, keepAlive, participants, outbound calls from an
 * application instance) and the parsing of Graph's {@code commsNotifications} into typed call
 * signals. Wire shapes follow MICROSOFT-CONTRACTS §2.
 *
 * <p>Threading: {@link io.tandem.graph.calls.GraphCallsApi} blocks the calling (virtual) thread;
 * {@link io.tandem.graph.calls.CommsNotifications} is a pure parser.
 */
@NullMarked
package io.tandem.graph.calls;

import org.jspecify.annotations.NullMarked;
