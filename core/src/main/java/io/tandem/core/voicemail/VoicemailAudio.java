package io.tandem.core.voicemail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A recorded message's audio as a RIFF/WAVE file, with what its header says: encoding, sample rate,
 * channels, bits per sample and the length of its {@code data} chunk, hence its duration. Channels
 * hand WAV bytes from any source (Graph, ACS, Tandem's own RTP); {@link #ofWav} rejects anything
 * that is not one.
 *
 * @param wav the whole file
 * @param encoding the WAVE format tag: 1 PCM, 6 A-law, 7 µ-law
 */
public record VoicemailAudio(
    byte[] wav, int encoding, int sampleRate, int channels, int bitsPerSample, long dataBytes) {

  /** The only media type stored. */
  public static final String MEDIA_TYPE = "audio/wav";

  /** Reads the header of {@code wav}; throws {@link IllegalArgumentException} if it is no WAVE. */
  public static VoicemailAudio ofWav(byte[] wav) {
    ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.length < 12 || !tag(in, 0).equals("RIFF") || !tag(in, 8).equals("WAVE")) {
      throw new IllegalArgumentException("not a RIFF/WAVE file");
    }
    int at = 12;
    int encoding = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    while (at + 8 <= wav.length) {
      String id = tag(in, at);
      long size = Integer.toUnsignedLong(in.getInt(at + 4));
      int body = at + 8;
      if (id.equals("fmt ") && size >= 16 && body + 16 <= wav.length) {
        encoding = Short.toUnsignedInt(in.getShort(body));
        channels = Short.toUnsignedInt(in.getShort(body + 2));
        rate = in.getInt(body + 4);
        bits = Short.toUnsignedInt(in.getShort(body + 14));
      } else if (id.equals("data")) {
        if (encoding < 0) {
          throw new IllegalArgumentException("WAVE data before its fmt chunk");
        }
        long available = Math.min(size, wav.length - (long) body);
        return new VoicemailAudio(wav, encoding, rate, channels, bits, available);
      }
      at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
    }
    throw new IllegalArgumentException("WAVE file without a data chunk");
  }

  public VoicemailAudio {
    if (sampleRate <= 0 || channels <= 0 || bitsPerSample <= 0 || bitsPerSample % 8 != 0) {
      throw new IllegalArgumentException(
          "unusable WAVE format: rate "
              + sampleRate
              + ", channels "
              + channels
              + ", bits "
              + bitsPerSample);
    }
  }

  /** How long the audio runs. */
  public Duration duration() {
    long bytesPerSecond = (long) sampleRate * channels * (bitsPerSample / 8);
    return Duration.ofNanos(dataBytes * 1_000_000_000L / bytesPerSecond);
  }

  /** The audio's form, e.g. {@code audio/wav; rate=16000; bits=16; channels=1}. */
  public String format() {
    String name =
        switch (encoding) {
          case 1 -> "";
          case 6 -> "; encoding=alaw";
          case 7 -> "; encoding=mulaw";
          default -> "; encoding=" + encoding;
        };
    return MEDIA_TYPE
        + name
        + "; rate="
        + sampleRate
        + "; bits="
        + bitsPerSample
        + "; channels="
        + channels;
  }

  /** The size of the file in bytes. */
  public long size() {
    return wav.length;
  }

  private static String tag(ByteBuffer in, int at) {
    byte[] four = new byte[4];
    in.get(at, four);
    return new String(four, StandardCharsets.US_ASCII);
  }
}
