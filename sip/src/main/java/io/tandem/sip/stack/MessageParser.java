package io.tandem.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one whole SIP message from bytes (RFC 3261 §7): the start line, header lines (CRLF or bare
 * LF line ends, folded lines joined, compact names expanded) up to the blank line, and the body —
 * Content-Length bytes of it when the header says so and the bytes are there, else all that
 * follows. What it reads is not yet checked against the grammar of each header: {@link
 * MessageCheck} does that, so that a request broken in a header can still be answered 400.
 */
final class MessageParser {

  private MessageParser() {}

  /** Thrown when the bytes are not a SIP message at all (no start line, no header section). */
  static final class UnreadableMessage extends Exception {
    UnreadableMessage(String message) {
      super(message, null, false, false);
    }
  }

  static SipMessage parse(byte[] bytes) throws UnreadableMessage {
    int start = 0;
    while (start < bytes.length && (bytes[start] == '\r' || bytes[start] == '\n')) {
      start++;
    }
    int headerEnd = headerEnd(bytes, start);
    if (headerEnd < 0) {
      throw new UnreadableMessage("no blank line after the headers");
    }
    String head = new String(bytes, start, headerEnd - start, StandardCharsets.UTF_8);
    int bodyStart = bodyStart(bytes, headerEnd);
    List<String> lines = unfold(head);
    if (lines.isEmpty()) {
      throw new UnreadableMessage("empty message");
    }
    List<SipHeader> headers = new ArrayList<>(lines.size());
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new UnreadableMessage("header line without a name: " + line);
      }
      String name = HeaderNames.canonical(line.substring(0, colon).trim());
      headers.add(new SipHeader(name, line.substring(colon + 1).trim()));
    }
    byte[] body = body(bytes, bodyStart, headers);
    return startLine(lines.get(0), headers, body);
  }

  private static SipMessage startLine(String line, List<SipHeader> headers, byte[] body)
      throws UnreadableMessage {
    if (line.startsWith("SIP/2.0 ")) {
      String rest = line.substring(8);
      int space = rest.indexOf(' ');
      String code = space < 0 ? rest : rest.substring(0, space);
      if (code.length() != 3
          || !code.chars().allMatch(Character::isDigit)
          || code.charAt(0) < '1') {
        throw new UnreadableMessage("bad status line: " + line);
      }
      return SipMessage.response(
          Integer.parseInt(code), space < 0 ? "" : rest.substring(space + 1).trim(), headers, body);
    }
    String[] parts = line.split(" ");
    if (parts.length != 3 || !parts[2].equals("SIP/2.0") || !isToken(parts[0])) {
      throw new UnreadableMessage("bad request line: " + line);
    }
    if (parts[1].indexOf(':') <= 0) {
      throw new UnreadableMessage("Request-URI without a scheme: " + line);
    }
    return SipMessage.request(parts[0], parts[1], headers, body);
  }

  private static boolean isToken(String method) {
    if (method.isEmpty()) {
      return false;
    }
    for (int i = 0; i < method.length(); i++) {
      char c = method.charAt(i);
      if (!(Character.isLetterOrDigit(c) || "-.!%*_+`'~".indexOf(c) >= 0) || c > 127) {
        return false;
      }
    }
    return true;
  }

  /** The lines of the header section with folded continuation lines joined by one space. */
  private static List<String> unfold(String head) {
    List<String> lines = new ArrayList<>(24);
    int from = 0;
    while (from < head.length()) {
      int newline = head.indexOf('\n', from);
      int end = newline < 0 ? head.length() : newline;
      int contentEnd = end > from && head.charAt(end - 1) == '\r' ? end - 1 : end;
      String line = head.substring(from, contentEnd);
      if (!line.isEmpty()
          && (line.charAt(0) == ' ' || line.charAt(0) == '\t')
          && !lines.isEmpty()) {
        int last = lines.size() - 1;
        lines.set(last, lines.get(last) + " " + line.trim());
      } else if (!line.isEmpty()) {
        lines.add(line);
      }
      from = end + 1;
    }
    return lines;
  }

  /** The index where the blank line starts (the end of the last header line), or -1. */
  private static int headerEnd(byte[] bytes, int from) {
    for (int i = from; i < bytes.length - 1; i++) {
      if (bytes[i] == '\n') {
        if (bytes[i + 1] == '\n') {
          return i;
        }
        if (bytes[i + 1] == '\r' && i + 2 < bytes.length && bytes[i + 2] == '\n') {
          return i;
        }
      }
    }
    return -1;
  }

  private static int bodyStart(byte[] bytes, int headerEnd) {
    return bytes[headerEnd + 1] == '\n' ? headerEnd + 2 : headerEnd + 3;
  }

  private static byte[] body(byte[] bytes, int bodyStart, List<SipHeader> headers) {
    int available = bytes.length - bodyStart;
    int length = available;
    for (SipHeader header : headers) {
      if (header.name().equals("Content-Length")) {
        try {
          int declared = Integer.parseInt(header.value().trim());
          if (declared >= 0 && declared < available) {
            length = declared;
          }
        } catch (NumberFormatException unreadable) {
          // MessageCheck reports it.
        }
        break;
      }
    }
    return length <= 0 ? new byte[0] : Arrays.copyOfRange(bytes, bodyStart, bodyStart + length);
  }
}
