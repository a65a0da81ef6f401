package io.tandem.server.voicemail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** RIFF/WAVE files of 16-bit mono PCM at 8 kHz, of a given length, for voicemail tests. */
final class TestWavs {

  private TestWavs() {}

  static byte[] of(Duration length) {
    int samples = (int) (length.toMillis() * 8);
    ByteBuffer out = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2);
    out.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    out.putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000);
    out.putShort((short) 2).putShort((short) 16);
    out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      out.putShort((short) (3000 * Math.sin(i / 5.0)));
    }
    return out.array();
  }
}
