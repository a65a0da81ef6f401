package io.tandem.server.prompts;

import io.tandem.media.audio.PcmAudio;
import io.tandem.media.speech.SpeechException;
import io.tandem.media.speech.TextToSpeech;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A fake {@link TextToSpeech} for catalog tests: "speaks" every text as a 440 Hz tone of 50 ms per
 * character, voices named after the language, counting its renderings; or, when failing, refuses
 * every one as an engine that is not installed.
 */
final class ToneSpeech implements TextToSpeech {

  private final boolean failing;
  private final AtomicInteger renderings = new AtomicInteger();

  private ToneSpeech(boolean failing) {
    this.failing = failing;
  }

  static ToneSpeech working() {
    return new ToneSpeech(false);
  }

  static ToneSpeech missing() {
    return new ToneSpeech(true);
  }

  int renderings() {
    return renderings.get();
  }

  @Override
  public byte[] render(String text, @Nullable String language, int sampleRate)
      throws SpeechException {
    TextToSpeech.validate(text, sampleRate);
    renderings.incrementAndGet();
    if (failing) {
      throw new SpeechException(SpeechException.Reason.ENGINE_MISSING, "tone engine not installed");
    }
    short[] samples = new short[text.length() * sampleRate / 20];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / sampleRate));
    }
    return WavWriter.toBytes(new PcmAudio(sampleRate, samples), WavEncoding.PCM16);
  }

  @Override
  public String engine() {
    return "tone";
  }

  @Override
  public String voiceFor(@Nullable String language) {
    return language == null ? "en" : language.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void check() throws SpeechException {
    if (failing) {
      throw new SpeechException(SpeechException.Reason.ENGINE_MISSING, "tone engine not installed");
    }
  }
}
