package io.tandem.emulator.directrouting;

import org.jspecify.annotations.Nullable;

/**
 * The Teams users on the Teams side of one SBC call: the one on the call, and the transfer target
 * the proxy rings as referee until it answers. Confined to the call's serial executor.
 */
final class Parties {

  private volatile @Nullable TeamsParty current;
  private @Nullable TeamsParty pending;

  void current(TeamsParty party) {
    current = party;
  }

  /** The id of the user on the call now (read from other threads too). */
  @Nullable String currentUserId() {
    TeamsParty party = current;
    return party == null ? null : party.user().id();
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

  /** The user on the call leaves it (a consultative transfer joined the call elsewhere). */
  void leave() {
    TeamsParty leaving = current;
    current = null;
    if (leaving != null) {
      leaving.remoteHangUp();
    }
  }

  /** The SBC side ended the connected call. */
  void remoteHangUp() {
    if (current != null) {
      current.remoteHangUp();
    }
  }
}
