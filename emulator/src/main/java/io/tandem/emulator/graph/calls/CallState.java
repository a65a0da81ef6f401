package io.tandem.emulator.graph.calls;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one Graph call ({@code callState} of the v1.0 CSDL, beta's {@code ringing} left out),
 * with the table of legal moves. An incoming call is answered, rejected or redirected; an outgoing
 * one starts {@code establishing}; an established call may transfer, go back to {@code established}
 * when the transfer fails, and ends {@code terminated}.
 */
enum CallState {
  INCOMING("incoming"),
  ESTABLISHING("establishing"),
  ESTABLISHED("established"),
  HOLD("hold"),
  TRANSFERRING("transferring"),
  TRANSFER_ACCEPTED("transferAccepted"),
  REDIRECTING("redirecting"),
  TERMINATING("terminating"),
  TERMINATED("terminated");

  private static final Map<CallState, Set<CallState>> LEGAL =
      Map.of(
          INCOMING, EnumSet.of(ESTABLISHING, REDIRECTING, TERMINATED),
          ESTABLISHING, EnumSet.of(ESTABLISHED, TERMINATING, TERMINATED),
          ESTABLISHED, EnumSet.of(HOLD, TRANSFERRING, TERMINATING, TERMINATED),
          HOLD, EnumSet.of(ESTABLISHED, TERMINATING, TERMINATED),
          TRANSFERRING, EnumSet.of(TRANSFER_ACCEPTED, ESTABLISHED, TERMINATING, TERMINATED),
          TRANSFER_ACCEPTED, EnumSet.of(TERMINATED),
          REDIRECTING, EnumSet.of(TERMINATED),
          TERMINATING, EnumSet.of(TERMINATED),
          TERMINATED, EnumSet.noneOf(CallState.class));

  private final String wire;

  CallState(String wire) {
    this.wire = wire;
  }

  /** The value on the wire, e.g. {@code transferAccepted}. */
  String wire() {
    return wire;
  }

  boolean canMoveTo(CallState next) {
    return LEGAL.get(this).contains(next);
  }

  boolean isFinal() {
    return this == TERMINATED;
  }

  /** Whether media operations (prompts, tones, recording, DTMF, mute) are allowed. */
  boolean carriesMedia() {
    return this == ESTABLISHED || this == HOLD || this == TRANSFERRING;
  }
}
