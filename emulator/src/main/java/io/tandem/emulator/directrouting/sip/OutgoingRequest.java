package io.tandem.emulator.directrouting.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A SIP request the emulator sends, written as text: request line, headers in order, and an
 * optional body. {@link SipNode} adds the Via (with a fresh branch), Max-Forwards and
 * Content-Length.
 */
public final class OutgoingRequest {

  private final String method;
  private final String requestUri;
  private final List<SipHeader> headers = new ArrayList<>();
  private byte[] body = new byte[0];
  private @Nullable String contentType;

  public OutgoingRequest(String method, String requestUri) {
    this.method = method;
    this.requestUri = requestUri;
  }

  public OutgoingRequest header(String name, String value) {
    headers.add(new SipHeader(name, value));
    return this;
  }

  public OutgoingRequest headers(List<SipHeader> more) {
    headers.addAll(more);
    return this;
  }

  public OutgoingRequest body(String type, byte[] content) {
    this.contentType = type;
    this.body = content.clone();
    return this;
  }

  public String method() {
    return method;
  }

  public String requestUri() {
    return requestUri;
  }

  /** The message text, given the Via this node puts on top. */
  String text(String via) {
    StringBuilder text = new StringBuilder();
    text.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
    text.append("Via: ").append(via).append("\r\n");
    text.append("Max-Forwards: 70\r\n");
    for (SipHeader header : headers) {
      text.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    if (contentType != null) {
      text.append("Content-Type: ").append(contentType).append("\r\n");
    }
    text.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return text.toString();
  }

  byte[] body() {
    return body;
  }

  @Nullable String contentType() {
    return contentType;
  }

  /** The body as text, for logs. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
