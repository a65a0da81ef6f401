package io.tandem.identity;

/** A bearer token on an inbound request failed validation; the message says which check. */
public final class TokenRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  public TokenRejectedException(String reason) {
    super(reason);
  }
}
