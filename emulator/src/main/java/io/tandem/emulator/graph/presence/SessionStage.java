package io.tandem.emulator.graph.presence;

import java.util.Map;
import java.util.Set;

/**
 * The life of an app's presence session. An {@code Available} session that is not refreshed fades:
 * {@link #ACTIVE} → {@link #INACTIVE} after 5 minutes → {@link #AWAY} after 5 more; a refresh
 * ({@code setPresence} again) makes it {@link #ACTIVE}; at its expiration, or on {@code
 * clearPresence}, it is {@link #ENDED}.
 */
public enum SessionStage {
  ACTIVE,
  INACTIVE,
  AWAY,
  ENDED;

  private static final Map<SessionStage, Set<SessionStage>> LEGAL =
      Map.of(
          ACTIVE, Set.of(ACTIVE, INACTIVE, ENDED),
          INACTIVE, Set.of(ACTIVE, AWAY, ENDED),
          AWAY, Set.of(ACTIVE, ENDED),
          ENDED, Set.of());

  /** Whether a session may move from this stage to {@code next}. */
  public boolean canMoveTo(SessionStage next) {
    return LEGAL.get(this).contains(next);
  }

  /** What a session that was set to {@code set} shows in this stage. */
  public PresenceState shows(PresenceState set) {
    return switch (this) {
      case ACTIVE -> set;
      case INACTIVE -> PresenceState.AVAILABLE_INACTIVE;
      case AWAY -> PresenceState.AWAY;
      case ENDED -> PresenceState.OFFLINE;
    };
  }
}
