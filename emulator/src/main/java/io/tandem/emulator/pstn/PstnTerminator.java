package io.tandem.emulator.pstn;

import java.util.Optional;

/**
 * Where the simulated PSTN delivers calls to some numbers: a Teams resource account (Graph bot or
 * ACS), or a carrier SIP trunk towards a contact center. Each emulated channel registers one.
 */
public interface PstnTerminator {

  /**
   * A short name for the journal and the control API ({@code graph}, {@code acs}, {@code trunk}).
   */
  String name();

  /** Whether this terminator serves calls to {@code e164}. */
  boolean serves(String e164);

  /**
   * Places the call and plays the caller's script; returns the emulator's id for the call, or empty
   * when the call could not be placed (the reason is in the journal).
   */
  Optional<String> dial(CallerScript script);

  /** Where the control API shows the state of call {@code callId}, if this terminator shows it. */
  default Optional<String> statusPath(String callId) {
    return Optional.empty();
  }
}
