package io.tandem.emulator.acs;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a call that rings an ACS application before it becomes a call connection. */
enum IncomingCallState {
  RINGING,
  ANSWERED,
  REJECTED,
  REDIRECTED,
  /** The caller hung up before the application answered. */
  ABANDONED,
  /** Nobody answered within the ring timeout. */
  TIMED_OUT;

  private static final Map<IncomingCallState, Set<IncomingCallState>> LEGAL =
      Map.of(
          RINGING, EnumSet.of(ANSWERED, REJECTED, REDIRECTED, ABANDONED, TIMED_OUT),
          ANSWERED, EnumSet.noneOf(IncomingCallState.class),
          REJECTED, EnumSet.noneOf(IncomingCallState.class),
          REDIRECTED, EnumSet.noneOf(IncomingCallState.class),
          ABANDONED, EnumSet.noneOf(IncomingCallState.class),
          TIMED_OUT, EnumSet.noneOf(IncomingCallState.class));

  boolean canMoveTo(IncomingCallState next) {
    return LEGAL.get(this).contains(next);
  }
}
