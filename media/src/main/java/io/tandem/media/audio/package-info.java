/**
 * Linear audio inside the media plane: the one frame format (20 ms of 8 kHz 16-bit mono PCM), the
 * {@link io.tandem.media.audio.AudioSource} that yields frames one at a time, simple sources (clips
 * once or looping, tones, silence, sequences), and a Goertzel tone meter.
 */
@NullMarked
package io.tandem.media.audio;

import org.jspecify.annotations.NullMarked;
