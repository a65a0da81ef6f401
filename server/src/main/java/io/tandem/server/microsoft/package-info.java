/**
 * Tandem's connection to a Microsoft 365 tenant: its configuration ({@link
 * io.tandem.server.microsoft.MicrosoftProperties}, {@code tandem.microsoft.*}), the clients every
 * integration model shares ({@link io.tandem.server.microsoft.MicrosoftConnection}: Entra tokens,
 * Graph, the validator of Graph's notification tokens, Tandem's public base URL), and the emulator
 * run in-process for the demo ({@link io.tandem.server.microsoft.EmbeddedEmulator}).
 *
 * <p>Threading: Spring creates the beans on the main thread; afterwards everything here is
 * thread-safe, and the clients block the calling (virtual) thread for their HTTP requests. The
 * emulator runs on its own threads and timers.
 */
@NullMarked
package io.tandem.server.microsoft;

import org.jspecify.annotations.NullMarked;
