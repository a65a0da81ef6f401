package io.tandem.core.flow;

import org.jspecify.annotations.Nullable;

/**
 * What the caller hears at one point of a flow: a recorded file or text spoken by text-to-speech.
 */
public sealed interface Prompt {

  /**
   * A recorded prompt, played as it is.
   *
   * @param uri where the channel's media engine finds the audio, e.g. {@code prompts/welcome.wav}
   */
  record File(String uri) implements Prompt {}

  /**
   * Text spoken by text-to-speech.
   *
   * <p>{@code ${attribute}} placeholders in the text are replaced by the interaction's attributes
   * when the prompt is played; an attribute without a value reads as nothing.
   *
   * @param text what is spoken, possibly with placeholders
   * @param language a language tag such as {@code en} or {@code de-CH}; {@code null} speaks the
   *     interaction's language (set by {@link SetAttributes}), or the channel's default without one
   */
  record Text(String text, @Nullable String language) implements Prompt {}

  /** The recorded prompt at {@code uri}. */
  static Prompt file(String uri) {
    return new File(uri);
  }

  /** {@code text} spoken in the interaction's language. */
  static Prompt text(String text) {
    return new Text(text, null);
  }
}
