/**
 * Playing prompts into a session: {@link io.tandem.media.playback.PromptPlayer} sends a source
 * frame by frame, once or looping, tells a callback how playback ended, and can be stopped.
 */
@NullMarked
package io.tandem.media.playback;

import org.jspecify.annotations.NullMarked;
