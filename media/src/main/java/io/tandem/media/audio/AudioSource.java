package io.tandem.media.audio;

import io.tandem.media.codec.G711;

/**
 * A producer of audio, one {@linkplain FrameFormat 20 ms frame} at a time, until it ends.
 *
 * <p>Sources are pulled by a single pacing thread; they never block.
 */
public interface AudioSource {

  /**
   * Fills {@code frame} (160 samples) with the next 20 ms, or returns false if the source has ended
   * (the frame's content is then unspecified). A source that has ended stays ended.
   */
  boolean read(short[] frame);

  /**
   * Whether {@link #readEncoded} can give the next frame already in {@code codec} (a clip encoded
   * once and shared, such as music on hold), sparing the sender the encoding. False unless a source
   * says otherwise; asked before each frame.
   */
  default boolean encodes(G711 codec) {
    return false;
  }

  /**
   * Like {@link #read}, but fills {@code payload} (160 bytes) with the next 20 ms encoded in {@code
   * codec}; only called after {@link #encodes} said yes for this frame.
   */
  default boolean readEncoded(G711 codec, byte[] payload) {
    throw new UnsupportedOperationException(getClass().getName() + " gives PCM only");
  }
}
