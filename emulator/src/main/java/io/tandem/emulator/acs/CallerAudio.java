package io.tandem.emulator.acs;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.codec.G711;
import java.time.Duration;
import java.time.Instant;

/**
 * The PSTN caller's audio as media streaming carries it: 20 ms frames of PCM16 little-endian, 16
 * kHz mono (640 bytes). Silence while the caller is quiet; while a scripted sentence is being said
 * (60 ms per character), a voice-like 220 + 440 Hz tone from the media plane's {@link ToneSource}
 * at the telephone rate, through G.711 µ-law as the caller's network would carry it, then widened
 * to 16 kHz by linear interpolation as ACS does for narrowband callers.
 */
final class CallerAudio {

  static final int SAMPLE_RATE = 16_000;
  static final int FRAME_BYTES = 640;
  static final Duration FRAME = Duration.ofMillis(20);

  private static final int UPSAMPLING = SAMPLE_RATE / FrameFormat.SAMPLE_RATE;
  private static final int VOICE_AMPLITUDE = 4000;

  private final AudioSource voice = ToneSource.steady(220, 440, VOICE_AMPLITUDE);
  private final short[] narrowband = FrameFormat.silentFrame();
  private Instant talkingUntil = Instant.MIN;
  private short lastSample;

  /** The caller starts saying {@code text} at {@code now}. */
  synchronized void says(String text, Instant now) {
    Duration length = Duration.ofMillis(Math.max(500, 60L * text.length()));
    talkingUntil = now.plus(length);
  }

  synchronized boolean talking(Instant now) {
    return now.isBefore(talkingUntil);
  }

  /** The next frame at {@code now}. */
  synchronized byte[] frame(Instant now) {
    byte[] frame = new byte[FRAME_BYTES];
    if (!talking(now)) {
      lastSample = 0;
      return frame;
    }
    voice.read(narrowband);
    for (int i = 0; i < FrameFormat.SAMPLES; i++) {
      short sample = G711.PCMU.decode(G711.PCMU.encode(narrowband[i]));
      for (int step = 1; step <= UPSAMPLING; step++) {
        int wide = lastSample + (sample - lastSample) * step / UPSAMPLING;
        int at = 2 * (i * UPSAMPLING + step - 1);
        frame[at] = (byte) wide;
        frame[at + 1] = (byte) (wide >> 8);
      }
      lastSample = sample;
    }
    return frame;
  }
}
