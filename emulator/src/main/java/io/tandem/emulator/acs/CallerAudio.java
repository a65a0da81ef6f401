package io.tandem.emulator.acs;

import java.time.Duration;
import java.time.Instant;

/**
 * Synthesised caller audio in 20 ms frames of PCM16 little-endian, 16 kHz mono (640 bytes): silence
 * while the caller is quiet, a 220 Hz voice-like tone with harmonics while a scripted sentence is
 * being said (60 ms per character).
 */
final class CallerAudio {

  static final int SAMPLE_RATE = 16_000;
  static final int FRAME_BYTES = 640;
  static final Duration FRAME = Duration.ofMillis(20);

  private Instant talkingUntil = Instant.MIN;
  private long sampleIndex;

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
    boolean talking = talking(now);
    for (int i = 0; i < FRAME_BYTES / 2; i++) {
      short sample = 0;
      if (talking) {
        double t = (double) (sampleIndex + i) / SAMPLE_RATE;
        double value =
            0.6 * Math.sin(2 * Math.PI * 220 * t)
                + 0.3 * Math.sin(2 * Math.PI * 440 * t)
                + 0.1 * Math.sin(2 * Math.PI * 660 * t);
        sample = (short) (value * 8000);
      }
      frame[2 * i] = (byte) sample;
      frame[2 * i + 1] = (byte) (sample >> 8);
    }
    sampleIndex += FRAME_BYTES / 2;
    return frame;
  }
}
