package io.tandem.emulator.pstn.trunk;

import java.util.Map;
import java.util.Set;

/** The life of a PSTN caller's call over a carrier trunk, as the carrier's side sees it. */
public enum TrunkCallState {
  /** INVITE sent; nothing but 100 Trying back yet. */
  CALLING,
  /** A 180 or 183 came back (with SDP: early media flows). */
  RINGING,
  /** The caller's patience ran out before a 2xx: CANCEL sent, 487 awaited. */
  CANCELLING,
  /** 2xx received and ACKed: media flows both ways, the script plays. */
  CONNECTED,
  /** The caller hung up: BYE sent, its response awaited. */
  HANGING_UP,
  /** Over, for the reason the call's {@link EndReason} gives. */
  ENDED;

  private static final Map<TrunkCallState, Set<TrunkCallState>> LEGAL =
      Map.of(
          CALLING, Set.of(RINGING, CANCELLING, CONNECTED, ENDED),
          RINGING, Set.of(CANCELLING, CONNECTED, ENDED),
          CANCELLING, Set.of(CONNECTED, ENDED),
          CONNECTED, Set.of(HANGING_UP, ENDED),
          HANGING_UP, Set.of(ENDED),
          ENDED, Set.of());

  /** Whether the table allows a move from this state to {@code next}. */
  public boolean canMoveTo(TrunkCallState next) {
    return LEGAL.get(this).contains(next);
  }

  /** Whether nothing can follow this state. */
  public boolean isFinal() {
    return LEGAL.get(this).isEmpty();
  }

  /** Why a call ended. */
  public enum EndReason {
    /** The caller hung up {@code talkFor} after the 2xx. */
    CALLER_HUNG_UP,
    /** The caller's {@code patience} ran out before a 2xx: the INVITE was cancelled. */
    CALLER_GAVE_UP,
    /** The contact center sent BYE. */
    CONTACT_CENTER_HUNG_UP,
    /** The contact center sent BYE after the caller accepted its REFER. */
    TRANSFERRED,
    /** The contact center answered the INVITE with a 3xx–6xx. */
    REJECTED,
    /** No final response came (transaction timeout) or the trunk could not be reached. */
    NO_RESPONSE,
    /** The emulator shut down with the call up. */
    EMULATOR_STOPPED
  }
}
