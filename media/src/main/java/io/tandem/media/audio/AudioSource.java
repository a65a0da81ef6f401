package io.tandem.media.audio;

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
}
