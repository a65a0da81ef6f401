package io.tandem.media.wav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds RIFF/WAVE bytes chunk by chunk, so tests can make good and broken files by name. */
final class Riff {

  private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

  static Riff wave() {
    return new Riff();
  }

  /** Adds a chunk whose declared size is its length. */
  Riff chunk(String id, byte[] body) {
    return chunk(id, body.length, body);
  }

  /** Adds a chunk declaring {@code declaredSize} but carrying {@code body}. */
  Riff chunk(String id, int declaredSize, byte[] body) {
    chunks.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
    chunks.writeBytes(le32(declaredSize));
    chunks.writeBytes(body);
    if (body.length % 2 == 1 && declaredSize == body.length) {
      chunks.write(0);
    }
    return this;
  }

  Riff fmt(int tag, int channels, int sampleRate, int bitsPerSample) {
    int blockAlign = channels * bitsPerSample / 8;
    ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) tag).putShort((short) channels).putInt(sampleRate);
    fmt.putInt(sampleRate * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) bitsPerSample);
    return chunk("fmt ", fmt.array());
  }

  Riff extensibleFmt(int subFormat, int channels, int sampleRate, int bitsPerSample) {
    int blockAlign = channels * bitsPerSample / 8;
    ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) 0xFFFE).putShort((short) channels).putInt(sampleRate);
    fmt.putInt(sampleRate * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) bitsPerSample);
    fmt.putShort((short) 22).putShort((short) bitsPerSample).putInt(channels == 1 ? 4 : 3);
    fmt.putShort((short) subFormat).put(new byte[14]);
    return chunk("fmt ", fmt.array());
  }

  static byte[] pcm16(short... samples) {
    ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short sample : samples) {
      data.putShort(sample);
    }
    return data.array();
  }

  byte[] bytes() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    file.writeBytes(le32(chunks.size() + 4));
    file.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
    file.writeBytes(chunks.toByteArray());
    return file.toByteArray();
  }

  private static byte[] le32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }
}
