package io.tandem.media.wav;

import io.tandem.media.audio.PcmAudio;
import io.tandem.media.codec.ALaw;
import io.tandem.media.codec.MuLaw;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a mono WAV file as samples arrive (16-bit PCM, µ-law or A-law): a provisional header
 * first, samples appended, and on {@link #close()} the header rewritten with the final sizes, so
 * the file is valid once closed. Not thread-safe: one thread writes.
 */
public final class WavWriter implements Closeable {

  private final FileChannel file;
  private final WavEncoding encoding;
  private final int sampleRate;
  private long sampleCount;
  private boolean closed;

  private WavWriter(FileChannel file, WavEncoding encoding, int sampleRate) {
    this.file = file;
    this.encoding = encoding;
    this.sampleRate = sampleRate;
  }

  /** Creates (or truncates) the file at {@code path} and writes its provisional header. */
  public static WavWriter create(Path path, WavEncoding encoding, int sampleRate)
      throws IOException {
    FileChannel file =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    WavWriter writer = new WavWriter(file, encoding, sampleRate);
    writer.writeFully(ByteBuffer.wrap(WavHeader.bytes(encoding, sampleRate, 0)));
    return writer;
  }

  /** Writes {@code audio} to {@code path} as one file. */
  public static void write(Path path, PcmAudio audio, WavEncoding encoding) throws IOException {
    Files.write(path, toBytes(audio, encoding));
  }

  /** {@code audio} as the bytes of one WAV file. */
  public static byte[] toBytes(PcmAudio audio, WavEncoding encoding) {
    byte[] header = WavHeader.bytes(encoding, audio.sampleRate(), audio.samples().length);
    ByteBuffer body = encode(encoding, audio.samples(), 0, audio.samples().length);
    ByteBuffer file =
        ByteBuffer.allocate(header.length + body.remaining() + (body.remaining() & 1));
    file.put(header).put(body);
    return file.array();
  }

  /** Appends {@code samples}. */
  public void write(short[] samples) throws IOException {
    write(samples, 0, samples.length);
  }

  /** Appends {@code length} samples of {@code samples} from {@code offset}. */
  public void write(short[] samples, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("WAV writer is closed");
    }
    writeFully(encode(encoding, samples, offset, length));
    sampleCount += length;
  }

  /** Samples written so far. */
  public long sampleCount() {
    return sampleCount;
  }

  /** Pads the data to an even length, rewrites the header with the final sizes and closes. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (file) {
      if ((sampleCount * encoding.bytesPerSample() & 1) != 0) {
        writeFully(ByteBuffer.allocate(1));
      }
      file.position(0);
      writeFully(ByteBuffer.wrap(WavHeader.bytes(encoding, sampleRate, sampleCount)));
    }
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      file.write(bytes);
    }
  }

  private static ByteBuffer encode(WavEncoding encoding, short[] samples, int offset, int length) {
    ByteBuffer bytes =
        ByteBuffer.allocate(length * encoding.bytesPerSample()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = offset; i < offset + length; i++) {
      switch (encoding) {
        case PCM16 -> bytes.putShort(samples[i]);
        case MULAW -> bytes.put(MuLaw.encode(samples[i]));
        case ALAW -> bytes.put(ALaw.encode(samples[i]));
      }
    }
    return bytes.flip();
  }
}
