/**
 * Receive-side timing: a fixed-depth jitter buffer that reorders RTP packets by sequence number and
 * plays them out one per 20 ms, concealing losses, and {@link
 * io.tandem.media.jitter.ReceivedAudio}, which turns a session's incoming packets into an {@link
 * io.tandem.media.audio.AudioSource}.
 */
@NullMarked
package io.tandem.media.jitter;

import org.jspecify.annotations.NullMarked;
