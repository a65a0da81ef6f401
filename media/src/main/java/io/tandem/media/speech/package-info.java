/**
 * Text-to-speech: the {@link io.tandem.media.speech.TextToSpeech} port, which turns a text into a
 * 16-bit mono PCM WAV at 8 or 16 kHz, the {@link io.tandem.media.speech.EspeakNgSpeech} adapter
 * (Debian's {@code espeak-ng} run as a subprocess) and the {@link
 * io.tandem.media.speech.CachedSpeech} decorator, which keeps each rendering in a directory.
 *
 * <p>Threading: every method may be called from any thread and blocks its caller until the audio is
 * rendered (bounded by the engine's timeout), so call it from a virtual thread or a worker, never
 * from a pacer or signalling thread. {@code EspeakNgSpeech} feeds the subprocess and drains its
 * output on short-lived virtual threads of its own. {@code CachedSpeech} renders a given text once
 * even when many threads ask for it at the same time; the others wait for that rendering.
 */
@NullMarked
package io.tandem.media.speech;

import org.jspecify.annotations.NullMarked;
