package io.tandem.emulator.teams;

import java.util.Map;
import java.util.Set;

/** The life of one call offered to a simulated Teams client. */
public enum OfferState {
  RINGING,
  CONNECTED,
  DECLINED,
  BUSY,
  CANCELLED,
  ENDED;

  private static final Map<OfferState, Set<OfferState>> LEGAL =
      Map.of(
          RINGING, Set.of(CONNECTED, DECLINED, BUSY, CANCELLED),
          CONNECTED, Set.of(ENDED),
          DECLINED, Set.of(),
          BUSY, Set.of(),
          CANCELLED, Set.of(),
          ENDED, Set.of());

  /** Whether the client may move from this state to {@code next}. */
  public boolean canMoveTo(OfferState next) {
    return LEGAL.get(this).contains(next);
  }

  public boolean isFinal() {
    return LEGAL.get(this).isEmpty();
  }
}
