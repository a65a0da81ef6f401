/**
 * Azure Communication Services Call Automation (api-version 2025-05-15) as the emulator plays it:
 * HMAC-SHA256 and Entra request authentication, IncomingCall through Event Grid, call connections,
 * participants (with Teams Phone extensibility agents), play and recognize driven by the simulated
 * caller's script, recording, media streaming and transcription over WebSockets, and mid-call
 * callbacks as CloudEvents. Behaviour chosen where Microsoft is silent is written down in {@code
 * emulator/docs/acs.md}.
 *
 * <p>Threading: requests run on the HTTP server's virtual threads; timers run on the injected
 * {@link io.tandem.emulator.time.Scheduler}. Each call guards its state with its own lock, and its
 * media operations with the lock of its {@code CallMedia} (taken before the call's, never after);
 * the {@code CallRoster} its connections share has its own lock, taken last. Callbacks of one call
 * leave in order from that call's outbox, on a virtual thread that lives while there is something
 * to send; a failed one is tried again from a scheduler timer while those behind it wait; downloads
 * and WebSocket connects run on their own virtual threads.
 */
@NullMarked
package io.tandem.emulator.acs;

import org.jspecify.annotations.NullMarked;
