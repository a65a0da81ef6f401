package io.tandem.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request Tandem sends, written as text: the request line, the headers given (From, To, Call-ID,
 * CSeq, Contact, Max-Forwards, Route …) and a body. The endpoint adds Via and Content-Length.
 */
public final class OutboundRequest {

  private final String method;
  private final String requestUri;
  private final List<SipHeader> headers = new ArrayList<>();
  private byte[] body = new byte[0];
  private @Nullable String contentType;

  public OutboundRequest(String method, String requestUri) {
    this.method = method;
    this.requestUri = requestUri;
  }

  /** Adds a header line; returns this. */
  public OutboundRequest header(String name, String value) {
    headers.add(new SipHeader(name, value));
    return this;
  }

  /** Sets the body and its Content-Type; returns this. */
  public OutboundRequest body(String type, String text) {
    this.contentType = type;
    this.body = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  public String method() {
    return method;
  }

  public String requestUri() {
    return requestUri;
  }

  public List<SipHeader> headers() {
    return List.copyOf(headers);
  }

  /** The first value of a header, by case-insensitive name; null when absent. */
  public @Nullable String header(String name) {
    return Headers.first(headers, name).orElse(null);
  }

  /** Every value of a header, in order (comma-separated list headers split). */
  List<String> all(String name) {
    List<String> values = new ArrayList<>(2);
    for (SipHeader header : headers) {
      if (HeaderNames.canonical(header.name()).equalsIgnoreCase(HeaderNames.canonical(name))) {
        if (HeaderNames.isList(HeaderNames.canonical(header.name()))) {
          values.addAll(SipMessage.splitList(header.value()));
        } else {
          values.add(header.value());
        }
      }
    }
    return values;
  }

  byte[] body() {
    return body.clone();
  }

  /** The message text with {@code via} first, up to the blank line (the body is appended after). */
  String text(String via) {
    StringBuilder text = new StringBuilder(256);
    text.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
    text.append("Via: ").append(via).append("\r\n");
    for (SipHeader header : headers) {
      text.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    if (contentType != null) {
      text.append("Content-Type: ").append(contentType).append("\r\n");
    }
    text.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return text.toString();
  }
}
