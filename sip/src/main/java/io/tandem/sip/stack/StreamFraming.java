package io.tandem.sip.stack;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The framing of SIP over a byte stream (RFC 3261 §18.3): a message is its header section up to the
 * blank line (CRLFCRLF) and then exactly Content-Length bytes of body (the header also in its
 * compact form {@code l}, any case; missing means 0). CRLFs between messages are skipped, and a
 * double CRLF there is a keepalive ping (RFC 5626 §3.5.1).
 *
 * <p>Threading: one reader per stream; not thread-safe.
 */
final class StreamFraming {

  /** The longest header section read, blank line included. */
  static final int MAX_HEADER_BYTES = 64 * 1024;

  /** The largest Content-Length accepted. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final InputStream in;
  private byte[] header = new byte[1024];

  StreamFraming(InputStream in) {
    this.in = in;
  }

  /** What the stream held next. */
  sealed interface Frame {}

  /** One whole message: header section and body. */
  record Message(byte[] bytes) implements Frame {}

  /** A keepalive ping ({@code CRLFCRLF} between messages), to be answered with one CRLF. */
  record Ping() implements Frame {}

  /** The stream broke the framing rules; the connection cannot be read on. */
  static final class FramingException extends IOException {
    FramingException(String message) {
      super(message);
    }
  }

  /**
   * Reads the next frame, blocking.
   *
   * @return the frame, or null when the stream ended cleanly between messages
   * @throws FramingException when the header section or Content-Length is oversize or malformed
   * @throws IOException when the stream fails or ends inside a message
   */
  @Nullable Frame next() throws IOException {
    int first = skipLineBreaks();
    if (first == -1) {
      return null;
    }
    if (first == CR) {
      return new Ping();
    }
    int length = readHeader(first);
    int body = contentLength(new String(header, 0, length, StandardCharsets.ISO_8859_1));
    byte[] message = Arrays.copyOf(header, length + body);
    if (in.readNBytes(message, length, body) < body) {
      throw new EOFException("the stream ended inside a body of " + body + " bytes");
    }
    return new Message(message);
  }

  /**
   * Skips CRLFs before a message: the first byte of the message, -1 at the end of the stream, or CR
   * once a second CRLF in a row has been read (a ping).
   */
  private int skipLineBreaks() throws IOException {
    int lineBreaks = 0;
    while (true) {
      int b = in.read();
      if (b != CR) {
        return b;
      }
      int next = in.read();
      if (next != LF) {
        throw new FramingException("a CR not followed by LF between messages");
      }
      if (++lineBreaks == 2) {
        return CR;
      }
    }
  }

  /** Reads the header section starting with {@code first} into {@link #header}; its length. */
  private int readHeader(int first) throws IOException {
    header[0] = (byte) first;
    int length = 1;
    while (length < 4 || !endsWithBlankLine(length)) {
      int b = in.read();
      if (b == -1) {
        throw new EOFException("the stream ended inside a header section");
      }
      if (length == MAX_HEADER_BYTES) {
        throw new FramingException("a header section over " + MAX_HEADER_BYTES + " bytes");
      }
      if (length == header.length) {
        header = Arrays.copyOf(header, Math.min(header.length * 2, MAX_HEADER_BYTES));
      }
      header[length++] = (byte) b;
    }
    return length;
  }

  private boolean endsWithBlankLine(int length) {
    return header[length - 4] == CR
        && header[length - 3] == LF
        && header[length - 2] == CR
        && header[length - 1] == LF;
  }

  /** The Content-Length of a header section (folded lines joined); 0 when it has none. */
  static int contentLength(String headerSection) throws FramingException {
    String unfolded = headerSection.replaceAll("\r\n[ \t]+", " ");
    Integer found = null;
    for (String line : unfolded.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      if (name.equals("content-length") || name.equals("l")) {
        int value = parseLength(line.substring(colon + 1).trim());
        if (found != null && found != value) {
          throw new FramingException("two Content-Length values, " + found + " and " + value);
        }
        found = value;
      }
    }
    return found == null ? 0 : found;
  }

  private static int parseLength(String value) throws FramingException {
    if (value.isEmpty()
        || value.length() > 9
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new FramingException("a malformed Content-Length: " + value);
    }
    int length = Integer.parseInt(value);
    if (length > MAX_BODY_BYTES) {
      throw new FramingException("a Content-Length over " + MAX_BODY_BYTES + ": " + length);
    }
    return length;
  }
}
