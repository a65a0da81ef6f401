package io.tandem.media.audio;

import io.tandem.media.codec.G711;
import org.jspecify.annotations.Nullable;

/**
 * A clip of 8 kHz PCM and its G.711 encodings, each computed once, on first use, and then shared by
 * every {@link ClipSource} that plays the clip: music on hold for thousands of callers is encoded
 * once per law instead of once per caller and frame.
 *
 * <p>Thread-safe: two threads asking for the same law at once may both encode it, and one result
 * wins; both are equal.
 */
public final class EncodedClip {

  private final short[] samples;
  private volatile byte @Nullable [] pcmu;
  private volatile byte @Nullable [] pcma;

  /** {@code clip} (8 kHz; not copied), not yet encoded. */
  public EncodedClip(PcmAudio clip) {
    if (clip.sampleRate() != FrameFormat.SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "clips play at 8000 Hz, this one is " + clip.sampleRate() + " Hz: resample it first");
    }
    this.samples = clip.samples();
  }

  /** The samples (read-only). */
  public short[] samples() {
    return samples;
  }

  /** The samples encoded in {@code codec}, one byte per sample (read-only). */
  public byte[] encoded(G711 codec) {
    byte[] codes = codec == G711.PCMU ? pcmu : pcma;
    if (codes == null) {
      codes = codec.encode(samples);
      if (codec == G711.PCMU) {
        pcmu = codes;
      } else {
        pcma = codes;
      }
    }
    return codes;
  }
}
