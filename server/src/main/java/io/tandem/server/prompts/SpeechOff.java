package io.tandem.server.prompts;

import io.tandem.media.speech.SpeechException;
import io.tandem.media.speech.TextToSpeech;
import org.jspecify.annotations.Nullable;

/** No text-to-speech ({@code tandem.prompts.tts=none}): every rendering fails, saying so. */
final class SpeechOff implements TextToSpeech {

  private static final String OFF =
      "text-to-speech is off (tandem.prompts.tts=none); set it to espeak-ng to speak text prompts";

  @Override
  public byte[] render(String text, @Nullable String language, int sampleRate)
      throws SpeechException {
    TextToSpeech.validate(text, sampleRate);
    throw new SpeechException(SpeechException.Reason.ENGINE_MISSING, OFF);
  }

  @Override
  public String engine() {
    return PromptSettings.NONE;
  }

  @Override
  public String voiceFor(@Nullable String language) {
    return language == null ? "default" : language;
  }

  @Override
  public void check() throws SpeechException {
    throw new SpeechException(SpeechException.Reason.ENGINE_MISSING, OFF);
  }
}
