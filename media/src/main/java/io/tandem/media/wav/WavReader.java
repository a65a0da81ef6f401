package io.tandem.media.wav;

import io.tandem.media.audio.PcmAudio;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads a RIFF/WAVE file into mono 16-bit PCM at the file's rate: 16-bit PCM, A-law (6) and µ-law
 * (7), also inside WAVE_FORMAT_EXTENSIBLE; several channels are averaged to one. Unknown chunks
 * ({@code LIST}, {@code fact} …) are skipped.
 *
 * @throws MalformedWavException (from every method) for a file that is not RIFF/WAVE, has no {@code
 *     fmt } or {@code data} chunk, a truncated chunk, or an unsupported format
 */
public final class WavReader {

  private static final int EXTENSIBLE = 0xFFFE;

  private WavReader() {}

  /** Reads the file at {@code path}. */
  public static PcmAudio read(Path path) throws IOException {
    return read(Files.readAllBytes(path));
  }

  /** Reads a whole file from {@code in}. */
  public static PcmAudio read(InputStream in) throws IOException {
    return read(in.readAllBytes());
  }

  /** Reads a whole file held in {@code file}. */
  public static PcmAudio read(byte[] file) {
    ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    if (file.length < 12
        || buffer.getInt(0) != fourCc("RIFF")
        || buffer.getInt(8) != fourCc("WAVE")) {
      throw new MalformedWavException("not a RIFF/WAVE file");
    }
    buffer.position(12);
    @Nullable Format format = null;
    while (buffer.remaining() >= 8) {
      int id = buffer.getInt();
      long size = buffer.getInt() & 0xFFFF_FFFFL;
      String name = name(id);
      if (id == fourCc("data")) {
        if (format == null) {
          throw new MalformedWavException("data chunk before any fmt chunk");
        }
        return decode(format, buffer, size);
      }
      if (size > buffer.remaining()) {
        throw new MalformedWavException(
            "truncated '"
                + name
                + "' chunk: declares "
                + size
                + " bytes, "
                + buffer.remaining()
                + " present");
      }
      if (id == fourCc("fmt ")) {
        format =
            readFormat(buffer.slice(buffer.position(), (int) size).order(ByteOrder.LITTLE_ENDIAN));
      }
      buffer.position(buffer.position() + (int) size + (int) (size & 1));
    }
    throw new MalformedWavException(format == null ? "no fmt chunk" : "no data chunk");
  }

  private record Format(WavEncoding encoding, int channels, int sampleRate, int blockAlign) {}

  private static Format readFormat(ByteBuffer fmt) {
    if (fmt.remaining() < 16) {
      throw new MalformedWavException("fmt chunk of " + fmt.remaining() + " bytes, need 16");
    }
    int tag = fmt.getShort(0) & 0xFFFF;
    int channels = fmt.getShort(2) & 0xFFFF;
    int sampleRate = fmt.getInt(4);
    int blockAlign = fmt.getShort(12) & 0xFFFF;
    int bits = fmt.getShort(14) & 0xFFFF;
    if (tag == EXTENSIBLE) {
      if (fmt.remaining() < 26) {
        throw new MalformedWavException("extensible fmt chunk without its sub-format");
      }
      tag = fmt.getShort(24) & 0xFFFF;
    }
    WavEncoding encoding = WavEncoding.of(tag, bits);
    if (channels < 1) {
      throw new MalformedWavException("no channels");
    }
    if (sampleRate <= 0) {
      throw new MalformedWavException("sample rate " + sampleRate);
    }
    if (blockAlign != channels * encoding.bytesPerSample()) {
      throw new MalformedWavException(
          "block align " + blockAlign + " for " + channels + " channels of " + encoding);
    }
    return new Format(encoding, channels, sampleRate, blockAlign);
  }

  private static PcmAudio decode(Format format, ByteBuffer buffer, long size) {
    if (size > buffer.remaining()) {
      throw new MalformedWavException(
          "truncated data chunk: declares " + size + " bytes, " + buffer.remaining() + " present");
    }
    if (size % format.blockAlign() != 0) {
      throw new MalformedWavException(
          "truncated data chunk: "
              + size
              + " bytes is no whole number of "
              + format.blockAlign()
              + "-byte frames");
    }
    byte[] data = new byte[(int) size];
    buffer.get(data);
    int frames = data.length / format.blockAlign();
    int bytesPerSample = format.encoding().bytesPerSample();
    short[] samples = new short[frames];
    for (int frame = 0; frame < frames; frame++) {
      int sum = 0;
      for (int channel = 0; channel < format.channels(); channel++) {
        sum +=
            format.encoding().decode(data, frame * format.blockAlign() + channel * bytesPerSample);
      }
      samples[frame] = (short) (sum / format.channels());
    }
    return new PcmAudio(format.sampleRate(), samples);
  }

  static int fourCc(String id) {
    return id.charAt(0) | id.charAt(1) << 8 | id.charAt(2) << 16 | id.charAt(3) << 24;
  }

  private static String name(int id) {
    char[] chars = new char[4];
    for (int i = 0; i < 4; i++) {
      int c = (id >>> (8 * i)) & 0xFF;
      chars[i] = c >= 0x20 && c < 0x7F ? (char) c : '?';
    }
    return new String(chars);
  }
}
