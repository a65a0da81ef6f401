package io.tandem.sip.sdp;

import java.util.regex.Pattern;

/**
 * The separators of SDP text, compiled once: {@code String.split} with a pattern of more than one
 * character compiles it on every call, and SDP is read twice per call.
 */
final class SdpText {

  private SdpText() {}

  /** A line end: CRLF, or a bare LF from lenient peers. */
  static final Pattern LINE_ENDS = Pattern.compile("\r?\n");

  /** The spaces between the fields of a line (RFC 8866 asks for one; more are tolerated). */
  static final Pattern SPACES = Pattern.compile(" +");

  /** Any run of whitespace. */
  static final Pattern WHITESPACE = Pattern.compile("\\s+");
}
