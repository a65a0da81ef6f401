/**
 * Conferences: {@link io.tandem.media.mix.FrameMixer} sums frames so each participant hears all the
 * others but not itself, and {@link io.tandem.media.mix.Conference} runs that every 20 ms over the
 * sessions that joined.
 */
@NullMarked
package io.tandem.media.mix;

import org.jspecify.annotations.NullMarked;
