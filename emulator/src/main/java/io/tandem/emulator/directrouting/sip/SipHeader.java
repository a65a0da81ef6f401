package io.tandem.emulator.directrouting.sip;

/** One header line of a SIP message, its value exactly as it goes on the wire. */
public record SipHeader(String name, String value) {

  public static SipHeader of(String name, String value) {
    return new SipHeader(name, value);
  }
}
