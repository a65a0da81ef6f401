/**
 * Tandem's media plane: RTP, G.711, RFC 4733 telephone events, WAV prompts, bridging, mixing and
 * recording, on the JDK alone (no domain imports).
 */
@NullMarked
package io.tandem.media;

import org.jspecify.annotations.NullMarked;
