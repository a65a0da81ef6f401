/**
 * Silence: RFC 3389 comfort-noise payloads (payload type 13) and the low-level noise they stand
 * for, and a voice-activity detector that marks frames as silent by their energy.
 */
@NullMarked
package io.tandem.media.silence;

import org.jspecify.annotations.NullMarked;
