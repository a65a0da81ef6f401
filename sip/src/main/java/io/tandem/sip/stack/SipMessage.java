package io.tandem.sip.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A received SIP message as text: its start line, its header lines in order (names {@link
 * HeaderNames#canonical canonical}, values as written, folding undone) and its body bytes. A
 * request has a method and Request-URI, a response a status and reason. Never changed once parsed.
 */
final class SipMessage {

  private final @Nullable String method;
  private final String requestUri;
  private final int status;
  private final String reason;
  private final List<SipHeader> lines;
  private final byte[] body;

  private SipMessage(
      @Nullable String method,
      String requestUri,
      int status,
      String reason,
      List<SipHeader> lines,
      byte[] body) {
    this.method = method;
    this.requestUri = requestUri;
    this.status = status;
    this.reason = reason;
    this.lines = lines;
    this.body = body;
  }

  static SipMessage request(String method, String requestUri, List<SipHeader> lines, byte[] body) {
    return new SipMessage(method, requestUri, 0, "", List.copyOf(lines), body);
  }

  static SipMessage response(int status, String reason, List<SipHeader> lines, byte[] body) {
    return new SipMessage(null, "", status, reason, List.copyOf(lines), body);
  }

  boolean isRequest() {
    return method != null;
  }

  /** The method of a request; for a response, the method in CSeq. */
  String method() {
    return method != null ? method : cseqMethod();
  }

  String requestUri() {
    return requestUri;
  }

  int status() {
    return status;
  }

  String reason() {
    return reason;
  }

  byte[] body() {
    return body;
  }

  /** Every header, one entry per value (list headers split), in order. */
  List<SipHeader> headers() {
    List<SipHeader> all = new ArrayList<>(lines.size() + 4);
    for (SipHeader line : lines) {
      if (HeaderNames.isList(line.name())) {
        for (String value : splitList(line.value())) {
          all.add(new SipHeader(line.name(), value));
        }
      } else {
        all.add(line);
      }
    }
    return all;
  }

  /** The first value of header {@code name} (any spelling or compact form). */
  Optional<String> first(String name) {
    String wanted = HeaderNames.canonical(name);
    for (SipHeader line : lines) {
      if (line.name().equalsIgnoreCase(wanted)) {
        if (HeaderNames.isList(line.name())) {
          List<String> values = splitList(line.value());
          return values.isEmpty() ? Optional.of("") : Optional.of(values.get(0));
        }
        return Optional.of(line.value());
      }
    }
    return Optional.empty();
  }

  /** Every value of header {@code name}, in order (list headers split). */
  List<String> all(String name) {
    String wanted = HeaderNames.canonical(name);
    List<String> all = new ArrayList<>(2);
    for (SipHeader line : lines) {
      if (line.name().equalsIgnoreCase(wanted)) {
        if (HeaderNames.isList(line.name())) {
          all.addAll(splitList(line.value()));
        } else {
          all.add(line.value());
        }
      }
    }
    return all;
  }

  String callId() {
    return first("Call-ID").orElse("");
  }

  /** The CSeq number; 0 when CSeq is missing or unreadable. */
  long cseqNumber() {
    String cseq = first("CSeq").orElse("").trim();
    int space = cseq.indexOf(' ');
    try {
      return Long.parseLong(space < 0 ? cseq : cseq.substring(0, space));
    } catch (NumberFormatException unreadable) {
      return 0;
    }
  }

  /** The method named in CSeq; empty when missing. */
  String cseqMethod() {
    String cseq = first("CSeq").orElse("").trim();
    int space = cseq.lastIndexOf(' ');
    return space < 0 ? "" : cseq.substring(space + 1).trim();
  }

  /** The top Via, parsed; null without one or when it cannot be read. */
  @Nullable Via topVia() {
    try {
      return first("Via").map(Via::parse).orElse(null);
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }

  /**
   * The values of a comma-separated header line; commas inside quotes or angle brackets do not
   * separate.
   */
  static List<String> splitList(String value) {
    List<String> values = new ArrayList<>(2);
    ValueScanner scan = new ValueScanner();
    int start = 0;
    for (int i = 0; i < value.length(); ) {
      int next = scan.read(value, i);
      if (value.charAt(i) == ',' && scan.outside()) {
        addTrimmed(values, value.substring(start, i));
        start = i + 1;
      }
      i = next;
    }
    addTrimmed(values, value.substring(start));
    return values;
  }

  private static void addTrimmed(List<String> values, String value) {
    String trimmed = value.trim();
    if (!trimmed.isEmpty()) {
      values.add(trimmed);
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(512);
    if (isRequest()) {
      text.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
    } else {
      text.append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
    }
    for (SipHeader line : lines) {
      text.append(line.name()).append(": ").append(line.value()).append("\r\n");
    }
    return text.append("\r\n")
        .append(new String(body, java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }
}
