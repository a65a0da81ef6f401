package io.tandem.sip.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.header.Header;
import javax.sip.message.Message;

/**
 * Case-insensitive header lookups over a header list or a JAIN-SIP message, and a message's headers
 * as text. Lookups in a message encode only the header asked for.
 */
final class Headers {

  private Headers() {}

  static Optional<String> first(List<SipHeader> headers, String name) {
    for (SipHeader header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
  }

  static List<String> all(List<SipHeader> headers, String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(SipHeader::value)
        .toList();
  }

  /** Every header of {@code message}, in order, each value as written. */
  static List<SipHeader> of(Message message) {
    List<SipHeader> all = new ArrayList<>();
    ListIterator<String> names = message.getHeaderNames();
    while (names.hasNext()) {
      String headerName = names.next();
      ListIterator<Header> values = message.getHeaders(headerName);
      while (values.hasNext()) {
        Header header = values.next();
        all.add(new SipHeader(header.getName(), valueOf(header)));
      }
    }
    return all;
  }

  /**
   * The first value of header {@code name} in {@code message}, as written, encoding only that
   * header (JAIN-SIP matches the name case-insensitively).
   */
  static Optional<String> first(Message message, String name) {
    Header header = message.getHeader(name);
    return header == null ? Optional.empty() : Optional.of(valueOf(header));
  }

  /** Every value of header {@code name} in {@code message}, in order, as written. */
  static List<String> all(Message message, String name) {
    List<String> all = new ArrayList<>();
    ListIterator<Header> values = message.getHeaders(name);
    while (values != null && values.hasNext()) {
      all.add(valueOf(values.next()));
    }
    return List.copyOf(all);
  }

  /** The Call-ID of {@code message}; empty when it has none. */
  static String callId(Message message) {
    Header header = message.getHeader("Call-ID");
    return header == null ? "" : valueOf(header);
  }

  private static String valueOf(Header header) {
    String encoded = header.toString();
    return encoded.substring(encoded.indexOf(':') + 1).trim();
  }
}
