package io.tandem.emulator.graph.calls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The audio of a {@link Recording} as a RIFF/WAVE file, 16 kHz 16-bit mono PCM (the size of
 * call-record.md's example, 160,696 bytes, is five seconds of it): silence, and a voice-like 220 Hz
 * tone with two harmonics while the caller talks.
 */
final class RecordingAudio {

  static final int SAMPLE_RATE = 16_000;
  private static final int HEADER = 44;
  private static final double AMPLITUDE = 8000;

  private RecordingAudio() {}

  static byte[] wav(Duration length, List<Recording.Speech> speech) {
    int samples = (int) (length.toMillis() * SAMPLE_RATE / 1000);
    ByteBuffer out = ByteBuffer.allocate(HEADER + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(HEADER - 8 + 2 * samples);
    out.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    out.putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(2 * SAMPLE_RATE);
    out.putShort((short) 2).putShort((short) 16);
    out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
    for (Recording.Speech said : speech) {
      int from = sample(said.from(), samples);
      int to = sample(said.to(), samples);
      for (int i = from; i < to; i++) {
        double t = (double) i / SAMPLE_RATE;
        double value =
            0.6 * Math.sin(2 * Math.PI * 220 * t)
                + 0.3 * Math.sin(2 * Math.PI * 440 * t)
                + 0.1 * Math.sin(2 * Math.PI * 660 * t);
        out.putShort(HEADER + 2 * i, (short) (value * AMPLITUDE));
      }
    }
    return out.array();
  }

  private static int sample(Duration at, int samples) {
    return (int) Math.min(samples, at.toMillis() * SAMPLE_RATE / 1000);
  }
}
