package io.tandem.core.voicemail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Hand-built RIFF/WAVE files for voicemail tests: 16-bit mono PCM of a given length. */
final class Wavs {

  private Wavs() {}

  /** {@code length} of 16-bit mono PCM at {@code rate}, with a {@code LIST} chunk before data. */
  static byte[] pcm16(Duration length, int rate) {
    int samples = (int) (length.toNanos() * rate / 1_000_000_000L);
    byte[] list = "INFOISFT\u0004\u0000\u0000\u0000tdm\u0000".getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out =
        ByteBuffer.allocate(12 + 24 + 8 + list.length + 8 + samples * 2)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(out.capacity() - 8);
    out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    out.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
    out.putShort((short) 2).putShort((short) 16);
    out.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(list.length).put(list);
    out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      out.putShort((short) (1000 * Math.sin(i / 8.0)));
    }
    return out.array();
  }
}
