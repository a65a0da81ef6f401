package io.tandem.media.audio;

import io.tandem.media.codec.G711;
import java.util.Arrays;

/**
 * Plays a clip of 8 kHz PCM frame by frame, once or looping (music on hold). The last partial frame
 * is padded with silence; a looping clip wraps mid-frame so the loop has no gap.
 *
 * <p>The source {@linkplain #encodes encodes} in either G.711 law: {@link #readEncoded} copies the
 * frame from the clip's {@link EncodedClip} encoding, computed once for every source sharing that
 * clip. PCM and encoded reads may alternate; both advance the same position.
 */
public final class ClipSource implements AudioSource {

  private final EncodedClip clip;
  private final short[] samples;
  private final boolean loop;
  private int position;

  private ClipSource(EncodedClip clip, boolean loop) {
    if (loop && clip.samples().length == 0) {
      throw new IllegalArgumentException("cannot loop an empty clip");
    }
    this.clip = clip;
    this.samples = clip.samples();
    this.loop = loop;
  }

  /** Plays {@code clip} (8 kHz) once. */
  public static ClipSource once(PcmAudio clip) {
    return new ClipSource(new EncodedClip(clip), false);
  }

  /** Plays {@code clip} (8 kHz) over and over until stopped. */
  public static ClipSource looping(PcmAudio clip) {
    return looping(new EncodedClip(clip));
  }

  /** Plays {@code clip} over and over until stopped, sharing its encodings with other sources. */
  public static ClipSource looping(EncodedClip clip) {
    return new ClipSource(clip, true);
  }

  /** Whether a clip played once has played to its end (a looping one never ends). */
  public boolean ended() {
    return !loop && position >= samples.length;
  }

  @Override
  public boolean read(short[] frame) {
    if (ended()) {
      return false;
    }
    int filled = 0;
    while (filled < frame.length) {
      if (position >= samples.length) {
        if (!loop) {
          Arrays.fill(frame, filled, frame.length, (short) 0);
          break;
        }
        position = 0;
      }
      int count = Math.min(frame.length - filled, samples.length - position);
      System.arraycopy(samples, position, frame, filled, count);
      filled += count;
      position += count;
    }
    return true;
  }

  @Override
  public boolean encodes(G711 codec) {
    return true;
  }

  @Override
  public boolean readEncoded(G711 codec, byte[] payload) {
    if (ended()) {
      return false;
    }
    byte[] codes = clip.encoded(codec);
    int filled = 0;
    while (filled < payload.length) {
      if (position >= codes.length) {
        if (!loop) {
          Arrays.fill(payload, filled, payload.length, codec.silence());
          break;
        }
        position = 0;
      }
      int count = Math.min(payload.length - filled, codes.length - position);
      System.arraycopy(codes, position, payload, filled, count);
      filled += count;
      position += count;
    }
    return true;
  }
}
