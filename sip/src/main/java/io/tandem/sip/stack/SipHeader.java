package io.tandem.sip.stack;

/** One header line of a SIP message: its name as written and its value. */
public record SipHeader(String name, String value) {

  /** A header of {@code name} with {@code value}. */
  public static SipHeader of(String name, String value) {
    return new SipHeader(name, value);
  }
}
