package io.tandem.emulator.acs;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.codec.G711;
import io.tandem.media.wav.Resampler;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.time.Duration;
import java.util.List;

/**
 * The audio of a finished recording as the WAV file ACS stores ({@code recordingFormatType wav},
 * mixed: 16 kHz 16-bit mono PCM): silence, and while the caller talks a voice-like 220 + 440 Hz
 * tone at the telephone rate, through G.711 µ-law as the caller's network carries it, resampled.
 */
final class RecordedAudio {

  /** One stretch of the caller talking, from the recording's start. */
  record Speech(Duration from, Duration to) {}

  static final int SAMPLE_RATE = 16_000;

  /** How long the emulator takes a spoken word to last. */
  static final Duration PER_WORD = Duration.ofMillis(333);

  private static final int VOICE_AMPLITUDE = 4000;

  private RecordedAudio() {}

  /** How long the caller takes to say {@code text}. */
  static Duration saying(String text) {
    return PER_WORD.multipliedBy(text.trim().split("\\s+").length);
  }

  static byte[] wav(Duration length, List<Speech> speech) {
    short[] narrowband = new short[FrameFormat.samplesIn(length)];
    AudioSource voice = ToneSource.steady(220, 440, VOICE_AMPLITUDE);
    short[] frame = FrameFormat.silentFrame();
    for (Speech said : speech) {
      int to = Math.min(narrowband.length, FrameFormat.samplesIn(said.to()));
      for (int at = FrameFormat.samplesIn(said.from()); at < to; at += frame.length) {
        voice.read(frame);
        for (int i = 0; i < frame.length && at + i < to; i++) {
          narrowband[at + i] = G711.PCMU.decode(G711.PCMU.encode(frame[i]));
        }
      }
    }
    PcmAudio wideband = Resampler.resample(PcmAudio.narrowband(narrowband), SAMPLE_RATE);
    return WavWriter.toBytes(wideband, WavEncoding.PCM16);
  }
}
