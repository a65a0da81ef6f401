package io.tandem.media.codec;

/**
 * The two G.711 codecs as RTP payload formats (RFC 3551): {@link #PCMU} (µ-law, payload type 0) and
 * {@link #PCMA} (A-law, payload type 8), both 8000 samples per second, one byte per sample.
 */
public enum G711 {
  /** µ-law, static RTP payload type 0. */
  PCMU(0),
  /** A-law, static RTP payload type 8. */
  PCMA(8);

  /** Samples per second of both codecs, and so the RTP clock rate. */
  public static final int SAMPLE_RATE = 8000;

  private final int payloadType;

  G711(int payloadType) {
    this.payloadType = payloadType;
  }

  /** The static RTP payload type of this codec. */
  public int payloadType() {
    return payloadType;
  }

  /** The codec with static payload type {@code payloadType}. */
  public static G711 forPayloadType(int payloadType) {
    for (G711 codec : values()) {
      if (codec.payloadType == payloadType) {
        return codec;
      }
    }
    throw new IllegalArgumentException("not a G.711 payload type: " + payloadType);
  }

  /** Whether {@code payloadType} is PCMU or PCMA. */
  public static boolean isG711(int payloadType) {
    return payloadType == PCMU.payloadType || payloadType == PCMA.payloadType;
  }

  /** The code of one linear sample. */
  public byte encode(short sample) {
    return this == PCMU ? MuLaw.encode(sample) : ALaw.encode(sample);
  }

  /** The linear sample a code stands for. */
  public short decode(byte code) {
    return this == PCMU ? MuLaw.decode(code) : ALaw.decode(code);
  }

  /** The codes of {@code samples}, one byte each. */
  public byte[] encode(short[] samples) {
    byte[] codes = new byte[samples.length];
    for (int i = 0; i < samples.length; i++) {
      codes[i] = encode(samples[i]);
    }
    return codes;
  }

  /** The linear samples of {@code codes}, one each. */
  public short[] decode(byte[] codes) {
    short[] samples = new short[codes.length];
    for (int i = 0; i < codes.length; i++) {
      samples[i] = decode(codes[i]);
    }
    return samples;
  }

  /** The code of digital silence (linear 0): 0xFF for µ-law, 0xD5 for A-law. */
  public byte silence() {
    return encode((short) 0);
  }
}
