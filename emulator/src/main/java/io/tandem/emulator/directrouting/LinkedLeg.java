package io.tandem.emulator.directrouting;

/**
 * A Teams → SBC leg that Teams joined to an SBC → Teams call (a forward to the PSTN, a consultative
 * transfer): when the SBC call ends, this leg is ended too.
 */
interface LinkedLeg {

  /** Ends the linked leg: CANCEL before an answer, BYE after. */
  void hangUp();
}
