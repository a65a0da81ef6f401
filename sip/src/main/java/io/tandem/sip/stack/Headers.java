package io.tandem.sip.stack;

import java.util.List;
import java.util.Optional;

/** Case-insensitive header lookups over a header list. */
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
}
