package io.tandem.media.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes before the samples of a mono WAV file Tandem writes: {@code RIFF}, a {@code fmt }
 * chunk, for G.711 a {@code fact} chunk (sample count, which non-PCM formats need), and the {@code
 * data} chunk's header.
 */
final class WavHeader {

  private WavHeader() {}

  /** Header length for {@code encoding}: 44 bytes for PCM, 58 for G.711. */
  static int length(WavEncoding encoding) {
    return encoding == WavEncoding.PCM16 ? 44 : 58;
  }

  /** The header of a file holding {@code sampleCount} samples. */
  static byte[] bytes(WavEncoding encoding, int sampleRate, long sampleCount) {
    long dataSize = sampleCount * encoding.bytesPerSample();
    long padded = dataSize + (dataSize & 1);
    boolean pcm = encoding == WavEncoding.PCM16;
    ByteBuffer header = ByteBuffer.allocate(length(encoding)).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(WavReader.fourCc("RIFF"));
    header.putInt((int) (length(encoding) - 8 + padded));
    header.putInt(WavReader.fourCc("WAVE"));
    header.putInt(WavReader.fourCc("fmt "));
    header.putInt(pcm ? 16 : 18);
    header.putShort((short) encoding.formatTag());
    header.putShort((short) 1);
    header.putInt(sampleRate);
    header.putInt(sampleRate * encoding.bytesPerSample());
    header.putShort((short) encoding.bytesPerSample());
    header.putShort((short) encoding.bitsPerSample());
    if (!pcm) {
      header.putShort((short) 0);
      header.putInt(WavReader.fourCc("fact"));
      header.putInt(4);
      header.putInt((int) sampleCount);
    }
    header.putInt(WavReader.fourCc("data"));
    header.putInt((int) dataSize);
    return header.array();
  }
}
