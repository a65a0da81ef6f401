package io.tandem.media.ice;

/**
 * Where an {@link IceLiteAgent} stands: {@code CHECKING} until the controlling peer nominates a
 * pair, then {@code NOMINATED} (a later nomination moves the media to its address); an ICE restart
 * goes back to {@code CHECKING} with new credentials, media staying on the last pair meanwhile.
 */
public enum IceLiteState {
  CHECKING,
  NOMINATED;

  /** The state after a check with USE-CANDIDATE succeeded: always {@code NOMINATED}. */
  IceLiteState nominate() {
    return NOMINATED;
  }

  /** The state after an ICE restart: always {@code CHECKING}. */
  IceLiteState restart() {
    return CHECKING;
  }
}
