package io.tandem.sip.b2bua;

/** An SDP Tandem cannot take: malformed (400) or with nothing it can play (488). */
final class MediaRefusedException extends Exception {

  private final int status;

  MediaRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The SIP status that refuses it: 400 or 488. */
  int status() {
    return status;
  }
}
