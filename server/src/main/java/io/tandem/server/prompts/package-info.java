/**
 * Prompts over HTTP: the {@link io.tandem.server.prompts.PromptCatalog} that turns a flow's {@link
 * io.tandem.core.flow.Prompt} into the URL a channel's media engine fetches (Graph and ACS play
 * prompts by URL), and the {@link io.tandem.server.prompts.PromptController} that serves them:
 * operator prompts from {@code tandem.prompts.directory}, then media's default prompts, and text
 * rendered by text-to-speech, all as 16 kHz 16-bit mono PCM WAV (Graph's {@code mediaInfo} format,
 * which ACS plays too).
 *
 * <p>Threading: request threads (virtual) read prompt files and may render text, blocking until the
 * engine finishes (bounded by {@code tandem.prompts.tts-timeout}); {@link
 * io.tandem.server.prompts.PromptCatalog#uriOf} never blocks: it only computes the URL and starts
 * rendering a text on a virtual thread of its own. Every class here is thread-safe.
 */
@NullMarked
package io.tandem.server.prompts;

import org.jspecify.annotations.NullMarked;
