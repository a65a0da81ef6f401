package io.tandem.sip.sdp;

/**
 * A well-formed offer or answer Tandem cannot take: no audio stream, or none with PCMU or PCMA; the
 * B2BUA answers 488 Not Acceptable Here (or ends the call it placed).
 */
public final class NotAcceptableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A reject saying what was offered, e.g. {@code no PCMU or PCMA in m=audio … 18 9}. */
  public NotAcceptableException(String message) {
    super(message);
  }
}
