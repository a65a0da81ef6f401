package io.tandem.emulator.graph.calls;

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
 * The audio of a {@link Recording} as a RIFF/WAVE file, 16 kHz 16-bit mono PCM (the size of
 * call-record.md's example, 160,696 bytes, is five seconds of it): silence, and while the caller
 * talks a voice-like 220 + 440 Hz tone from the media plane's {@link ToneSource} at the telephone
 * rate, through G.711 µ-law as the caller's network carries it, resampled to 16 kHz.
 */
final class RecordingAudio {

  static final int SAMPLE_RATE = 16_000;
  private static final int VOICE_AMPLITUDE = 4000;

  private RecordingAudio() {}

  static byte[] wav(Duration length, List<Recording.Speech> speech) {
    short[] narrowband = new short[FrameFormat.samplesIn(length)];
    AudioSource voice = ToneSource.steady(220, 440, VOICE_AMPLITUDE);
    short[] frame = FrameFormat.silentFrame();
    for (Recording.Speech said : speech) {
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
