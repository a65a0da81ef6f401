package io.tandem.emulator.acs;

/** Hears what the simulated PSTN caller does on a connected call. */
interface CallerListener {

  /** The caller pressed a dial-pad key; {@code tone} is its Call Automation name. */
  default void pressed(String tone) {}

  /** The caller said {@code text}. */
  default void said(String text) {}
}
