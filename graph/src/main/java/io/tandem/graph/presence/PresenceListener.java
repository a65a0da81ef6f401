package io.tandem.graph.presence;

/**
 * Hears every {@link PresenceChanged} of a {@link PresenceFeed}: called one at a time, on the
 * thread that read the presence; must return quickly (hand the event to the tenant's mailbox).
 */
@FunctionalInterface
public interface PresenceListener {
  void presenceChanged(PresenceChanged change);
}
