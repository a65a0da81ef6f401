package io.tandem.emulator.graph.presence;

/**
 * Told of every change of a user's aggregated presence, in order per user, on the thread that made
 * the change, while that user's presence is locked: keep it short and never block.
 */
public interface PresenceListener {
  void presenceChanged(PresenceChange change);
}
