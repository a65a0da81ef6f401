package io.tandem.emulator.siptext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A SIP message as a test's fake peer (an SBC, a contact center) reads it off the wire: start line,
 * headers, body; and the text of its answers.
 */
public record SipText(String startLine, List<String[]> headers, String body) {

  public static SipText parse(String text) {
    int split = text.indexOf("\r\n\r\n");
    String head = split < 0 ? text : text.substring(0, split);
    String body = split < 0 ? "" : text.substring(split + 4);
    String[] lines = head.split("\r\n");
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
    }
    return new SipText(lines[0], headers, body);
  }

  public boolean isResponse() {
    return startLine.startsWith("SIP/2.0");
  }

  public int status() {
    return isResponse() ? Integer.parseInt(startLine.split(" ")[1]) : 0;
  }

  public String method() {
    return isResponse() ? cseqMethod() : startLine.split(" ")[0];
  }

  public String reasonPhrase() {
    return startLine.split(" ", 3)[2];
  }

  public String requestUri() {
    return startLine.split(" ")[1];
  }

  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
  }

  public List<String> headerValues(String name) {
    return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
  }

  public String callId() {
    return header("Call-ID").orElse("");
  }

  public String cseqMethod() {
    String cseq = header("CSeq").orElse("");
    return cseq.substring(cseq.indexOf(' ') + 1).trim();
  }

  public String toTag() {
    String to = header("To").orElse("");
    int tag = to.indexOf("tag=");
    return tag < 0 ? "" : to.substring(tag + 4).split("[;>]")[0];
  }

  /** The URI inside the Contact header. */
  public String contactUri() {
    String contact = header("Contact").orElseThrow();
    return contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
  }

  /** The port of the SDP body's audio m= line. */
  public int sdpPort() {
    for (String line : body.split("\r\n")) {
      if (line.startsWith("m=audio ")) {
        return Integer.parseInt(line.split(" ")[1]);
      }
    }
    throw new AssertionError("no m=audio line in\n" + body);
  }

  /**
   * A response to this request without a body, echoing Via, From, To (with {@code toTag}), Call-ID,
   * CSeq; {@code extra} header lines follow.
   */
  public String response(int status, String reason, String toTag, String... extra) {
    return responseWithBody(status, reason, toTag, "", "", extra);
  }

  /**
   * A response to this request as {@link #response}, carrying {@code body} of {@code contentType}.
   */
  public String responseWithBody(
      int status, String reason, String toTag, String contentType, String body, String... extra) {
    StringBuilder text = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
    for (String via : headerValues("Via")) {
      text.append("Via: ").append(via).append("\r\n");
    }
    text.append("From: ").append(header("From").orElseThrow()).append("\r\n");
    String to = header("To").orElseThrow();
    text.append("To: ").append(to.contains("tag=") || toTag.isEmpty() ? to : to + ";tag=" + toTag);
    text.append("\r\n");
    text.append("Call-ID: ").append(header("Call-ID").orElseThrow()).append("\r\n");
    text.append("CSeq: ").append(header("CSeq").orElseThrow()).append("\r\n");
    for (String line : extra) {
      text.append(line).append("\r\n");
    }
    if (!body.isEmpty()) {
      text.append("Content-Type: ").append(contentType).append("\r\n");
    }
    text.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
    return text.toString();
  }
}
