/**
 * Linear audio inside the media plane: the one frame format (20 ms of 8 kHz 16-bit mono PCM), the
 * {@link io.tandem.media.audio.AudioSource} that yields frames one at a time, and simple sources
 * (PCM buffers, looping, tones, silence).
 */
@NullMarked
package io.tandem.media.audio;

import org.jspecify.annotations.NullMarked;
