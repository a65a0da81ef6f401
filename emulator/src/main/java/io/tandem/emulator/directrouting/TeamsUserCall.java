package io.tandem.emulator.directrouting;

import org.jspecify.annotations.Nullable;

/**
 * A call through an SBC with a Teams user on the Teams side, as a consultative transfer reads it:
 * who is on it, whether it is connected, its dialog with the SBC and the far end's number. Read
 * from the control API's thread, so its answers may be a moment old.
 */
interface TeamsUserCall {

  String callId();

  /** The Teams user on the call now, if any. */
  @Nullable String teamsUserId();

  boolean isConnected();

  /** The dialog with the SBC, once there is one. */
  @Nullable Dialog dialog();

  /** The number of the party at the SBC's side. */
  String remoteNumber();
}
