package io.tandem.media.speech;

import org.jspecify.annotations.Nullable;

/**
 * A text-to-speech engine: turns a text into the bytes of a WAV file, 16-bit linear PCM, mono, at
 * {@value #NARROWBAND} or {@value #WIDEBAND} samples per second.
 *
 * <p>Rejects (with {@link IllegalArgumentException}, before any engine runs): blank text, text
 * longer than {@value #MAX_TEXT_LENGTH} characters, any other sample rate. Engine trouble (missing,
 * failed, too slow, unreadable output) is a {@link SpeechException}.
 */
public interface TextToSpeech {

  /** 8 kHz: telephony, Tandem's own RTP media. */
  int NARROWBAND = 8000;

  /** 16 kHz: what Graph's and ACS's play-prompt actions fetch. */
  int WIDEBAND = 16000;

  /** The longest text one call renders (a prompt, not a book). */
  int MAX_TEXT_LENGTH = 5000;

  /**
   * {@code text} spoken in {@code language} as a WAV file.
   *
   * @param language a BCP 47 tag such as {@code en}, {@code de-CH}; {@code null} for the engine's
   *     default voice. An unknown language is spoken by the default voice, with a warning logged.
   * @param sampleRate {@value #NARROWBAND} or {@value #WIDEBAND}
   */
  byte[] render(String text, @Nullable String language, int sampleRate) throws SpeechException;

  /** The engine's name, e.g. {@code espeak-ng}; part of every cache key. */
  String engine();

  /** The voice {@link #render} uses for {@code language} (the default voice when unknown). */
  String voiceFor(@Nullable String language);

  /** Returns normally when the engine can run; for health checks and start-up warnings. */
  void check() throws SpeechException;

  /**
   * Throws {@link IllegalArgumentException} unless {@code text} and {@code sampleRate} are valid.
   */
  static void validate(String text, int sampleRate) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("nothing to say: the text is blank");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "text of " + text.length() + " characters, at most " + MAX_TEXT_LENGTH);
    }
    if (sampleRate != NARROWBAND && sampleRate != WIDEBAND) {
      throw new IllegalArgumentException(
          "sample rate " + sampleRate + " Hz, supported: " + NARROWBAND + ", " + WIDEBAND);
    }
  }
}
