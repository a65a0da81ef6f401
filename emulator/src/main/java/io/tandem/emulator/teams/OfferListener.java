package io.tandem.emulator.teams;

/**
 * What a channel learns from a simulated Teams client it offered a call to. Called on scheduler
 * threads, one call at a time per offer, in the order the client acted.
 */
public interface OfferListener {

  /** The client started ringing (SIP 180, Graph roster update). */
  default void ringing() {}

  /** The user picked up. */
  void answered();

  /** The user declined (SIP 603). Must not be retried. */
  void declined();

  /** The client was busy (SIP 486). */
  void busy();

  /** The user hung up a connected call. */
  void hungUp();

  /** The user asked to transfer the connected call to {@code target} (user id or +E164). */
  default void transferRequested(String target) {}

  /** The user pressed {@code digits} on the dial pad during the connected call. */
  default void dtmf(String digits) {}
}
