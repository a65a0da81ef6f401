package io.tandem.identity;

import java.util.List;

/**
 * Entra refused a token request (wrong secret, unknown app or tenant, bad scope) or could not be
 * reached after retries. {@link #errorCodes()} holds Entra's AADSTS numbers when it answered.
 */
public final class TokenRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<Integer> errorCodes;

  public TokenRefusedException(String message, int status, List<Integer> errorCodes) {
    super(message);
    this.status = status;
    this.errorCodes = List.copyOf(errorCodes);
  }

  /** The HTTP status Entra answered, or 0 when it could not be reached. */
  public int status() {
    return status;
  }

  public List<Integer> errorCodes() {
    return errorCodes;
  }
}
