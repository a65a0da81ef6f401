package io.tandem.media.rtp;

/** Bytes that are not an RTP packet (RFC 3550 §5.1): the message says which rule they break. */
public final class MalformedRtpException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  MalformedRtpException(String message) {
    super(message);
  }
}
