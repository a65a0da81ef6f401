package io.tandem.media.ice;

/** A datagram that is not a well-formed STUN message (RFC 5389 §6, §15); it is dropped. */
public final class MalformedStunException extends Exception {

  public MalformedStunException(String reason) {
    super(reason, null, false, false);
  }
}
