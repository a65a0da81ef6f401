package io.tandem.emulator.directrouting;

import org.jspecify.annotations.Nullable;

/**
 * The Teams users on the Teams side of one SBC call: the one on the call, and the transfer target
 * the proxy rings as referee until it answers. Confined to the call's serial executor.
 */
final class Parties {

  private @Nullable TeamsParty current;
  private @Nullable TeamsParty pending;

  void current(TeamsParty party) {
    current = party;
  }

  boolean isCurrent(TeamsParty party) {
    return party == current;
  }

  boolean isPending(TeamsParty party) {
    return party == pending;
  }

  /** Whether {@code party}'s client events still concern the call. */
  boolean has(TeamsParty party) {
    return party == current || party == pending;
  }

  /** The transfer target being rung, or null when that ringing is over. */
  void pending(@Nullable TeamsParty party) {
    pending = party;
  }

  /** The referee transfer completed: {@code next} is on the call, the previous user leaves. */
  void switchTo(TeamsParty next) {
    TeamsParty previous = current;
    current = next;
    pending = null;
    if (previous != null) {
      previous.remoteHangUp();
    }
  }

  /** The caller gave up before the user answered. */
  void cancel() {
    if (current != null) {
      current.cancel();
    }
  }

  /** The SBC side ended the connected call. */
  void remoteHangUp() {
    if (current != null) {
      current.remoteHangUp();
    }
  }
}
