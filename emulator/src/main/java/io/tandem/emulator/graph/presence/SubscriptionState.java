package io.tandem.emulator.graph.presence;

import java.util.Map;
import java.util.Set;

/**
 * The life of a change notification subscription after its endpoints were validated: {@link
 * #ACTIVE} until the app deletes it ({@link #DELETED}), it reaches its expiration ({@link
 * #EXPIRED}), or the emulator removes it because its notification URL kept failing ({@link
 * #REMOVED}).
 */
public enum SubscriptionState {
  ACTIVE,
  DELETED,
  EXPIRED,
  REMOVED;

  private static final Map<SubscriptionState, Set<SubscriptionState>> LEGAL =
      Map.of(
          ACTIVE, Set.of(DELETED, EXPIRED, REMOVED),
          DELETED, Set.of(),
          EXPIRED, Set.of(),
          REMOVED, Set.of());

  public boolean canMoveTo(SubscriptionState next) {
    return LEGAL.get(this).contains(next);
  }
}
