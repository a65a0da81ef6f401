/**
 * Tandem's default prompt set: 8 kHz 16-bit mono PCM WAV files shipped as resources under {@code
 * io/tandem/media/prompts/} ({@link io.tandem.media.prompts.DefaultPrompts} names, opens and
 * composes them into queue announcements), the generator of the music on hold ({@link
 * io.tandem.media.prompts.MusicOnHold}) and the command that renders the set ({@link
 * io.tandem.media.prompts.RenderDefaultPrompts}, run by {@code
 * media/scripts/render-default-prompts.sh}).
 *
 * <p>Threading: everything here is stateless and may be called from any thread; opening a prompt
 * reads a class-path resource (no network, no subprocess).
 */
@NullMarked
package io.tandem.media.prompts;

import org.jspecify.annotations.NullMarked;
