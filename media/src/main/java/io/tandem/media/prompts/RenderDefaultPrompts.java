package io.tandem.media.prompts;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.speech.EspeakNgSpeech;
import io.tandem.media.speech.SpeechException;
import io.tandem.media.speech.TextToSpeech;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavReader;
import io.tandem.media.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The command that makes the default prompt set: each text of {@link DefaultPromptTexts} spoken by
 * espeak-ng at 8 kHz with its silence trimmed to {@value #LEAD_MS} ms before and {@value #TAIL_MS}
 * ms after the speech (so composed announcements flow), and {@link MusicOnHold}, each written as
 * {@code <name>.wav} (16-bit PCM) into the directory given as the only argument.
 *
 * <p>Run through {@code media/scripts/render-default-prompts.sh}; the output is committed.
 */
public final class RenderDefaultPrompts {

  static final int LEAD_MS = 20;
  static final int TAIL_MS = 80;

  /** Below this magnitude a sample counts as silence when trimming. */
  private static final int SILENCE = 64;

  private RenderDefaultPrompts() {}

  public static void main(String[] arguments) throws IOException, SpeechException {
    if (arguments.length != 1) {
      System.err.println("usage: RenderDefaultPrompts <output directory>");
      System.exit(2);
    }
    Path directory = Files.createDirectories(Path.of(arguments[0]));
    TextToSpeech speech = EspeakNgSpeech.installed();
    for (Map.Entry<String, String> prompt : DefaultPromptTexts.all().entrySet()) {
      byte[] wav =
          speech.render(prompt.getValue(), DefaultPromptTexts.LANGUAGE, TextToSpeech.NARROWBAND);
      write(directory, prompt.getKey(), trimmed(WavReader.read(wav)));
    }
    write(directory, DefaultPrompts.MUSIC_ON_HOLD, MusicOnHold.generate());
  }

  /**
   * {@code audio} with its leading and trailing silence cut to {@code LEAD_MS} and {@code TAIL_MS}.
   */
  static PcmAudio trimmed(PcmAudio audio) {
    short[] samples = audio.samples();
    int first = 0;
    while (first < samples.length && Math.abs(samples[first]) < SILENCE) {
      first++;
    }
    if (first == samples.length) {
      return new PcmAudio(audio.sampleRate(), new short[0]);
    }
    int last = samples.length - 1;
    while (last > first && Math.abs(samples[last]) < SILENCE) {
      last--;
    }
    int perMs = audio.sampleRate() / 1000;
    int from = Math.max(0, first - LEAD_MS * perMs);
    int to = Math.min(samples.length, last + 1 + TAIL_MS * perMs);
    return new PcmAudio(audio.sampleRate(), Arrays.copyOfRange(samples, from, Math.max(from, to)));
  }

  private static void write(Path directory, String name, PcmAudio audio) throws IOException {
    if (audio.sampleRate() != FrameFormat.SAMPLE_RATE) {
      throw new IllegalStateException(name + " is not at 8 kHz");
    }
    Path file = directory.resolve(name + ".wav");
    WavWriter.write(file, audio, WavEncoding.PCM16);
    System.out.printf(
        "%-30s %6.2f s %8d bytes%n",
        file.getFileName(), audio.duration().toMillis() / 1000.0, Files.size(file));
  }
}
