package io.tandem.core.voicemail;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a voicemail message is: {@link #NEW} until someone listens, {@link #HEARD} after, {@link
 * #DELETED} once deleted (its record stays, its audio is gone). Every move is in {@link #LEGAL}.
 */
public enum VoicemailState {
  NEW,
  HEARD,
  DELETED;

  private static final Map<VoicemailState, Set<VoicemailState>> LEGAL =
      new EnumMap<>(VoicemailState.class);

  static {
    LEGAL.put(NEW, EnumSet.of(HEARD, DELETED));
    LEGAL.put(HEARD, EnumSet.of(DELETED));
    LEGAL.put(DELETED, EnumSet.noneOf(VoicemailState.class));
  }

  /** Whether the table allows moving from this state to {@code next}. */
  public boolean canMoveTo(VoicemailState next) {
    return LEGAL.get(this).contains(next);
  }
}
