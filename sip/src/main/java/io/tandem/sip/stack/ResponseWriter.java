package io.tandem.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes responses to received requests (RFC 3261 §8.2.6): the status line, the request's Via
 * values (the top one with where the request really came from: {@code received}, and {@code rport}
 * filled in, RFC 3581), From, To (with Tandem's tag when it had none, except on 100), Call-ID and
 * CSeq, then the extra headers and the body.
 */
final class ResponseWriter {

  private ResponseWriter() {}

  static byte[] write(
      SipMessage request,
      String topVia,
      int status,
      String reason,
      String toTag,
      List<SipHeader> extra,
      @Nullable String body,
      @Nullable String contentType) {
    StringBuilder text = new StringBuilder(512);
    text.append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
    List<String> vias = request.all("Via");
    text.append("Via: ").append(topVia).append("\r\n");
    for (int i = 1; i < vias.size(); i++) {
      text.append("Via: ").append(vias.get(i)).append("\r\n");
    }
    text.append("From: ").append(request.first("From").orElse("")).append("\r\n");
    String to = request.first("To").orElse("");
    text.append("To: ").append(to);
    if (status != 100 && !toTag.isEmpty() && hasNoTag(to)) {
      text.append(";tag=").append(toTag);
    }
    text.append("\r\n");
    text.append("Call-ID: ").append(request.callId()).append("\r\n");
    text.append("CSeq: ").append(request.first("CSeq").orElse("")).append("\r\n");
    for (SipHeader header : extra) {
      text.append(header.name()).append(": ").append(header.value()).append("\r\n");
    }
    byte[] content =
        body == null || contentType == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (content.length > 0) {
      text.append("Content-Type: ").append(contentType).append("\r\n");
    }
    text.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
    if (content.length == 0) {
      return head;
    }
    byte[] bytes = new byte[head.length + content.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(content, 0, bytes, head.length, content.length);
    return bytes;
  }

  /** The top Via of a response to a request that came from {@code source}. */
  static String replyVia(Via via, String written, java.net.InetSocketAddress source) {
    String sourceAddress = source.getAddress().getHostAddress();
    boolean rport = via.parameters().containsKey("rport");
    if (!rport && via.host().equals(sourceAddress)) {
      return written;
    }
    StringBuilder reply = new StringBuilder(written.length() + 40);
    String withoutRport = rport ? stripParameter(written, "rport") : written;
    reply.append(withoutRport);
    if (!via.parameters().containsKey("received")) {
      reply.append(";received=").append(sourceAddress);
    }
    if (rport) {
      reply.append(";rport=").append(source.getPort());
    }
    return reply.toString();
  }

  private static String stripParameter(String via, String name) {
    StringBuilder kept = new StringBuilder(via.length());
    String[] parts = via.split(";");
    kept.append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      String parameterName =
          (parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter)
              .trim();
      if (!parameterName.equalsIgnoreCase(name)) {
        kept.append(';').append(parameter);
      }
    }
    return kept.toString();
  }

  /** Whether a To value carries no tag parameter (outside its URI's angle brackets). */
  private static boolean hasNoTag(String value) {
    try {
      return NameAddress.parse(value).tag().isEmpty();
    } catch (IllegalArgumentException unreadable) {
      return !value.toLowerCase(java.util.Locale.ROOT).contains(";tag=");
    }
  }
}
