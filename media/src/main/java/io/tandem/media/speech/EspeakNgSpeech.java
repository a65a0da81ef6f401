package io.tandem.media.speech;

import io.tandem.media.audio.PcmAudio;
import io.tandem.media.wav.MalformedWavException;
import io.tandem.media.wav.Resampler;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavReader;
import io.tandem.media.wav.WavWriter;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Text-to-speech by Debian's {@code espeak-ng}, run once per text as {@code espeak-ng -b 1 -v
 * <voice> -s 160 --stdout} with the text as UTF-8 on its standard input (never on a command line,
 * never through a shell). espeak-ng writes 22.05 kHz 16-bit mono WAV, which is resampled to the
 * asked rate with {@link Resampler}. Voices: {@link EspeakVoices}; 160 words a minute (espeak-ng's
 * default is 175) suits the telephone.
 */
public final class EspeakNgSpeech implements TextToSpeech {

  /** The engine name in cache keys. */
  public static final String ENGINE = "espeak-ng";

  /** How long one rendering may take unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final String WORDS_PER_MINUTE = "160";
  private static final System.Logger LOG = System.getLogger(EspeakNgSpeech.class.getName());

  private final String executable;
  private final Duration timeout;

  /**
   * @param executable the command, {@code espeak-ng} (looked up on the {@code PATH}) or a path
   * @param timeout how long one run may take before it is killed
   */
  public EspeakNgSpeech(String executable, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.executable = executable;
    this.timeout = timeout;
  }

  /** {@code espeak-ng} from the {@code PATH}, {@link #DEFAULT_TIMEOUT}. */
  public static EspeakNgSpeech installed() {
    return new EspeakNgSpeech(ENGINE, DEFAULT_TIMEOUT);
  }

  @Override
  public byte[] render(String text, @Nullable String language, int sampleRate)
      throws SpeechException {
    TextToSpeech.validate(text, sampleRate);
    String voice = voiceFor(language);
    if (language != null && EspeakVoices.find(language).isEmpty()) {
      LOG.log(
          Level.WARNING,
          "espeak-ng has no voice for language ''{0}''; speaking it with ''{1}''",
          language,
          voice);
    }
    EngineProcess.Outcome outcome =
        EngineProcess.run(
            List.of(executable, "-b", "1", "-v", voice, "-s", WORDS_PER_MINUTE, "--stdout"),
            text.getBytes(StandardCharsets.UTF_8),
            timeout);
    if (outcome.exitCode() != 0) {
      throw new SpeechException(
          SpeechException.Reason.ENGINE_FAILED,
          "espeak-ng exited with " + outcome.exitCode() + ": " + outcome.stderr());
    }
    PcmAudio audio;
    try {
      audio = WavReader.read(withFinalSizes(outcome.stdout()));
    } catch (MalformedWavException e) {
      throw new SpeechException(
          SpeechException.Reason.INVALID_OUTPUT,
          "espeak-ng wrote no readable WAV: " + e.getMessage(),
          e);
    }
    if (audio.samples().length == 0) {
      throw new SpeechException(
          SpeechException.Reason.INVALID_OUTPUT, "espeak-ng wrote no audio for the text");
    }
    return WavWriter.toBytes(Resampler.resample(audio, sampleRate), WavEncoding.PCM16);
  }

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public String voiceFor(@Nullable String language) {
    return EspeakVoices.find(language).orElse(EspeakVoices.DEFAULT);
  }

  @Override
  public void check() throws SpeechException {
    EngineProcess.Outcome outcome =
        EngineProcess.run(List.of(executable, "--version"), new byte[0], timeout);
    if (outcome.exitCode() != 0) {
      throw new SpeechException(
          SpeechException.Reason.ENGINE_FAILED,
          "'"
              + executable
              + " --version' exited with "
              + outcome.exitCode()
              + ": "
              + outcome.stderr());
    }
  }

  @Override
  public String toString() {
    return "espeak-ng (" + executable + ", timeout " + timeout + ")";
  }

  /**
   * espeak-ng streams to standard output, so its 44-byte header carries placeholder sizes
   * (0x7FFFF000 and up); this sets the RIFF and data sizes to what actually arrived.
   */
  private static byte[] withFinalSizes(byte[] wav) {
    ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.length >= 44 && buffer.getInt(36) == fourCc("data")) {
      int data = (wav.length - 44) & ~1;
      buffer.putInt(4, 36 + data);
      buffer.putInt(40, data);
    }
    return wav;
  }

  private static int fourCc(String id) {
    return id.charAt(0) | id.charAt(1) << 8 | id.charAt(2) << 16 | id.charAt(3) << 24;
  }
}
