package io.tandem.emulator.entra;

/** A bearer token the emulator refuses, with the reason a developer needs to fix it. */
public final class InvalidTokenException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidTokenException(String reason) {
    super(reason);
  }
}
