/**
 * DTMF, out of band and in band: RFC 4733 telephone-event payloads with a sender that makes a
 * digit's packet train and a receiver that turns packets back into digits exactly once; and a
 * Goertzel detector and dual-sine generator for tones carried in the audio itself.
 */
@NullMarked
package io.tandem.media.dtmf;

import org.jspecify.annotations.NullMarked;
