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
    List<SipHeader> headers = new ArrayList<>(24);
    String startLine = null;
    int from = 0;
    while (from < head.length()) {
      int newline = head.indexOf('\n', from);
      int end = newline < 0 ? head.length() : newline;
      int contentEnd = end > from && head.charAt(end - 1) == '\r' ? end - 1 : end;
      if (contentEnd > from) {
        char first = head.charAt(from);
        if (startLine == null) {
          startLine = head.substring(from, contentEnd);
        } else if (first == ' ' || first == '\t') { // a folded line continues the one before
          String more = trimmed(head, from, contentEnd);
          if (headers.isEmpty()) {
            startLine = startLine + " " + more;
          } else {
            SipHeader last = headers.get(headers.size() - 1);
            headers.set(
                headers.size() - 1, new SipHeader(last.name(), (last.value() + " " + more).trim()));
          }
        } else {
          int colon = head.indexOf(':', from);
          if (colon <= from || colon >= contentEnd) {
            throw new UnreadableMessage(
                "header line without a name: " + head.substring(from, contentEnd));
          }
          String name = HeaderNames.canonical(trimmed(head, from, colon));
          headers.add(new SipHeader(name, trimmed(head, colon + 1, contentEnd)));
        }
      }
      from = end + 1;
    }
    if (startLine == null) {
      throw new UnreadableMessage("empty message");
    }
    byte[] body = body(bytes, bodyStart, headers);
    return startLine(startLine, headers, body);
  }

  /** {@code text} from {@code begin} to {@code end} without the blanks around it (as trim()). */
  private static String trimmed(String text, int begin, int end) {
    int from = begin;
    int to = end;
    while (from < to && text.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) <= ' ') {
      to--;
    }
    return text.substring(from, to);
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
