package io.tandem.core.insight;

/** Where a call's recording is, as the channel reports it. */
public enum RecordingState {
  /** Asked for; the channel has not confirmed it yet. */
  STARTING,
  /** Recording. */
  ACTIVE,
  /** Paused (e.g. while the caller gives card details); may become active again. */
  PAUSED,
  /** Stopped for good; the recording is complete. */
  STOPPED,
  /** Could not start or broke off; {@code detail} says why. */
  FAILED
}
