package io.tandem.media.playback;

/** How a playback ended. */
public enum PlaybackOutcome {
  /** The source played to its end. */
  COMPLETED,
  /** {@link PromptPlayer#stop()} was called first. */
  STOPPED
}
