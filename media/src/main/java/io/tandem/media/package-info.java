/**
 * Tandem's media plane: RTP, G.711, RFC 4733 telephone events, WAV prompts, bridging, mixing and
 * recording, on the JDK alone (no domain imports).
 *
 * <p>Threading: sending, mixing and playout run on a pacer's 20 ms ticks; each RTP session receives
 * on its own virtual thread and calls its listener there; nothing blocks either. The module's
 * README has the details and how to use each piece.
 */
@NullMarked
package io.tandem.media;

import org.jspecify.annotations.NullMarked;
