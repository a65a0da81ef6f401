package io.tandem.sip.sdp;

/** SDP text that breaks RFC 4566 where it matters to a call; the B2BUA answers 400. */
public final class MalformedSdpException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A reject saying what is wrong, e.g. {@code line 4: m= needs a port}. */
  public MalformedSdpException(String message) {
    super(message);
  }
}
