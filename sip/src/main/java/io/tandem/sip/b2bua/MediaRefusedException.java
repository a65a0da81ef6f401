package io.tandem.sip.b2bua;

/**
 * Media Tandem cannot set up: malformed SDP (400), nothing it can play (488), no RTP port free
 * (503).
 */
final class MediaRefusedException extends Exception {

  private final int status;

  MediaRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The SIP status that refuses it: 400, 488 or 503. */
  int status() {
    return status;
  }
}
