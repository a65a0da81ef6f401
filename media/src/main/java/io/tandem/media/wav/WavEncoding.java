package io.tandem.media.wav;

import io.tandem.media.codec.ALaw;
import io.tandem.media.codec.MuLaw;

/** The sample encodings this package reads and writes, with their WAVE format tags. */
public enum WavEncoding {
  /** 16-bit signed little-endian linear PCM, format tag 1. */
  PCM16(1, 16),
  /** G.711 A-law, format tag 6. */
  ALAW(6, 8),
  /** G.711 µ-law, format tag 7. */
  MULAW(7, 8);

  private final int formatTag;
  private final int bitsPerSample;

  WavEncoding(int formatTag, int bitsPerSample) {
    this.formatTag = formatTag;
    this.bitsPerSample = bitsPerSample;
  }

  /** The {@code wFormatTag} of the {@code fmt } chunk. */
  public int formatTag() {
    return formatTag;
  }

  /** Bits per sample. */
  public int bitsPerSample() {
    return bitsPerSample;
  }

  /** Bytes per sample of one channel. */
  int bytesPerSample() {
    return bitsPerSample / 8;
  }

  short decode(byte[] data, int offset) {
    return switch (this) {
      case PCM16 -> (short) ((data[offset] & 0xFF) | data[offset + 1] << 8);
      case ALAW -> ALaw.decode(data[offset]);
      case MULAW -> MuLaw.decode(data[offset]);
    };
  }

  static WavEncoding of(int formatTag, int bitsPerSample) {
    for (WavEncoding encoding : values()) {
      if (encoding.formatTag == formatTag) {
        if (encoding.bitsPerSample != bitsPerSample) {
          throw new MalformedWavException(
              "unsupported: format "
                  + encoding
                  + " with "
                  + bitsPerSample
                  + " bits per sample (need "
                  + encoding.bitsPerSample
                  + ")");
        }
        return encoding;
      }
    }
    throw new MalformedWavException(
        "unsupported format tag "
            + formatTag
            + " (reads 1 = PCM 16-bit, 6 = A-law, 7 = µ-law, and extensible with those)");
  }
}
