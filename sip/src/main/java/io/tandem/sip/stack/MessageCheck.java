package io.tandem.sip.stack;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a parsed message against what every SIP message needs (RFC 3261 §8.1.1, §20): Via, From,
 * To, Call-ID and CSeq present and readable, CSeq naming the request's method, From and To
 * well-formed name-addresses, numeric Content-Length and Max-Forwards, and a body as long as
 * Content-Length says.
 */
final class MessageCheck {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private MessageCheck() {}

  /** What is wrong with {@code message}; null when nothing is. */
  static @Nullable String problem(SipMessage message) {
    for (String name : new String[] {"Via", "From", "To", "Call-ID", "CSeq"}) {
      Optional<String> value = message.first(name);
      if (value.isEmpty() || value.get().isBlank()) {
        return "missing " + name;
      }
    }
    try {
      Via.parse(message.first("Via").orElseThrow());
    } catch (IllegalArgumentException unreadable) {
      return unreadable.getMessage();
    }
    String nameAddressProblem = nameAddressProblem("From", message.first("From").orElseThrow());
    if (nameAddressProblem == null) {
      nameAddressProblem = nameAddressProblem("To", message.first("To").orElseThrow());
    }
    if (nameAddressProblem != null) {
      return nameAddressProblem;
    }
    String cseq = message.first("CSeq").orElseThrow().trim();
    String[] parts = WHITESPACE.split(cseq);
    if (parts.length != 2 || !isNumber(parts[0], 10)) {
      return "bad CSeq: " + cseq;
    }
    if (message.isRequest() && !parts[1].equals(message.method())) {
      return "CSeq names " + parts[1] + " in a " + message.method();
    }
    Optional<String> maxForwards = message.first("Max-Forwards");
    if (maxForwards.isPresent() && !isNumber(maxForwards.get().trim(), 3)) {
      return "bad Max-Forwards: " + maxForwards.get();
    }
    Optional<String> length = message.first("Content-Length");
    if (length.isPresent()) {
      if (!isNumber(length.get().trim(), 9)) {
        return "bad Content-Length: " + length.get();
      }
      if (Integer.parseInt(length.get().trim()) > message.body().length) {
        return "Content-Length " + length.get().trim() + " but " + message.body().length + " bytes";
      }
    }
    return null;
  }

  /** Whether a response can be routed back for {@code message}: it has what a response copies. */
  static boolean canAnswer(SipMessage message) {
    return message.isRequest()
        && !message.method().equals("ACK")
        && message.topVia() != null
        && message.first("From").isPresent()
        && message.first("To").isPresent()
        && !message.callId().isEmpty()
        && message.first("CSeq").isPresent();
  }

  private static @Nullable String nameAddressProblem(String header, String value) {
    ValueScanner scan = new ValueScanner();
    for (int i = 0; i < value.length(); ) {
      i = scan.read(value, i);
    }
    if (scan.quoted()) {
      return header + " opens a quoted display name it never closes";
    }
    if (scan.brackets() != 0) {
      return header + " has unbalanced angle brackets";
    }
    NameAddress address;
    try {
      address = NameAddress.parse(value);
    } catch (IllegalArgumentException unreadable) {
      return header + ": " + unreadable.getMessage();
    }
    return address.uri().indexOf(':') > 0 ? null : header + " has no URI";
  }

  private static boolean isNumber(String text, int maxDigits) {
    if (text.isEmpty() || text.length() > maxDigits) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
