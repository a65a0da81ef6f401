package io.tandem.emulator.directrouting.sip;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A SIP response the emulator received, as text and in parts. */
public record IncomingResponse(
    int status, String reason, List<SipHeader> headers, byte[] body, String text) {

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(SipHeader::value)
        .findFirst();
  }

  /** The To tag (the dialog's remote tag when the emulator sent the request). */
  public String toTag() {
    String tag = header("To").map(SipUri::parse).map(u -> u.headerParameter("tag")).orElse(null);
    return tag == null ? "" : tag;
  }

  public boolean isProvisional() {
    return status < 200;
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The method of the CSeq header, upper-case. */
  public String cseqMethod() {
    String cseq = header("CSeq").orElse("");
    int space = cseq.lastIndexOf(' ');
    return cseq.substring(space + 1).trim().toUpperCase(Locale.ROOT);
  }
}
