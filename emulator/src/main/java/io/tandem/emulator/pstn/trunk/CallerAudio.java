package io.tandem.emulator.pstn.trunk;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.audio.SilenceSource;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.wav.Resampler;
import io.tandem.media.wav.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What a trunk caller sends once media is up, from its setting: {@code voice} (a {@link
 * VoiceLikeSource}), {@code silence}, {@code tone:<hz>}, or the path of a WAV file played in a loop
 * (read and resampled to 8 kHz once, when the setting is made).
 */
final class CallerAudio {

  private CallerAudio() {}

  /** A fresh source per call for {@code setting}; throws {@link IllegalArgumentException}. */
  static Supplier<AudioSource> parse(String setting) {
    if (setting.equals("voice")) {
      return VoiceLikeSource::new;
    }
    if (setting.equals("silence")) {
      return SilenceSource::endless;
    }
    if (setting.startsWith("tone:")) {
      double hz;
      try {
        hz = Double.parseDouble(setting.substring(5));
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException("callerAudio tone needs a frequency: " + setting);
      }
      if (hz <= 0 || hz >= 4000) {
        throw new IllegalArgumentException("callerAudio tone must be between 0 and 4000 Hz");
      }
      return () -> ToneSource.steady(hz, 6000);
    }
    PcmAudio clip;
    try {
      clip = Resampler.toNarrowband(WavReader.read(Path.of(setting)));
    } catch (IOException | RuntimeException unreadable) {
      throw new IllegalArgumentException(
          "callerAudio must be voice, silence, tone:<hz> or a readable WAV file: " + setting);
    }
    return () -> ClipSource.looping(clip);
  }
}
