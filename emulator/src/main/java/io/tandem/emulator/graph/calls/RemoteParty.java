package io.tandem.emulator.graph.calls;

/**
 * The other side of a bot's call: a scripted PSTN caller, a simulated Teams user, or an external
 * PSTN number. Called with the call's lock held.
 */
interface RemoteParty {

  /** The bot's side of the call is up (answered, or the callee picked up). */
  default void botConnected() {}

  /** The bot's call ended by the bot or the service; the remote side leaves too. */
  void botLeft();

  /**
   * The remote side is now talking to a person (a Teams user took the call over); {@code
   * endPersonLeg} hangs up the person's side when the remote side leaves.
   */
  default void handedToPerson(String personId, Runnable endPersonLeg) {}
}
