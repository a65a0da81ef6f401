package io.tandem.emulator.acs;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a call connection, with the wire names of {@code callConnectionState}. */
enum CallConnectionState {
  CONNECTING("connecting"),
  CONNECTED("connected"),
  TRANSFERRING("transferring"),
  TRANSFER_ACCEPTED("transferAccepted"),
  DISCONNECTING("disconnecting"),
  DISCONNECTED("disconnected");

  private static final Map<CallConnectionState, Set<CallConnectionState>> LEGAL =
      Map.of(
          CONNECTING, EnumSet.of(CONNECTED, DISCONNECTING, DISCONNECTED),
          CONNECTED, EnumSet.of(TRANSFERRING, DISCONNECTING, DISCONNECTED),
          TRANSFERRING, EnumSet.of(CONNECTED, TRANSFER_ACCEPTED, DISCONNECTING, DISCONNECTED),
          TRANSFER_ACCEPTED, EnumSet.of(DISCONNECTED),
          DISCONNECTING, EnumSet.of(DISCONNECTED),
          DISCONNECTED, EnumSet.noneOf(CallConnectionState.class));

  private final String wireName;

  CallConnectionState(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  boolean canMoveTo(CallConnectionState next) {
    return LEGAL.get(this).contains(next);
  }

  /** Whether mid-call actions (media, participants, transfer) are allowed. */
  boolean acceptsActions() {
    return this == CONNECTED;
  }
}
