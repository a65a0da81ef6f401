package io.tandem.sip.stack;

import java.util.Map;

/**
 * One Via value (RFC 3261 §20.42): the transport, the sent-by host and port (-1 when absent) and
 * the parameters ({@code branch}, {@code rport}, {@code received} …, names lowercased).
 */
record Via(String transport, String host, int port, Map<String, String> parameters) {

  /** The RFC 3261 magic cookie that starts every compliant branch. */
  static final String MAGIC_COOKIE = "z9hG4bK";

  /** Parses {@code value}; throws {@link IllegalArgumentException} when it is not a Via. */
  static Via parse(String value) {
    String text = value.trim();
    int space = text.indexOf(' ');
    int slash = text.lastIndexOf('/', space < 0 ? text.length() : space);
    if (space < 0 || slash < 0 || !text.regionMatches(true, 0, "SIP/2.0/", 0, 8)) {
      throw new IllegalArgumentException("not a Via: " + value);
    }
    String transport = text.substring(slash + 1, space).trim();
    String rest = text.substring(space + 1).trim();
    int semicolon = rest.indexOf(';');
    String sentBy = (semicolon < 0 ? rest : rest.substring(0, semicolon)).trim();
    Map<String, String> parameters =
        semicolon < 0 ? Map.of() : SipUri.parameters(rest.substring(semicolon + 1));
    String host;
    int port = -1;
    if (sentBy.startsWith("[")) {
      int close = sentBy.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed [ in Via: " + value);
      }
      host = sentBy.substring(1, close);
      if (sentBy.length() > close + 2 && sentBy.charAt(close + 1) == ':') {
        port = port(sentBy.substring(close + 2), value);
      }
    } else {
      int colon = sentBy.indexOf(':');
      host = colon < 0 ? sentBy : sentBy.substring(0, colon);
      if (colon >= 0) {
        port = port(sentBy.substring(colon + 1), value);
      }
    }
    if (host.isEmpty() || transport.isEmpty()) {
      throw new IllegalArgumentException("Via without sent-by: " + value);
    }
    return new Via(transport, host, port, parameters);
  }

  private static int port(String text, String value) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port > 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException("bad port in Via: " + value);
  }

  /** The branch parameter; empty without one. */
  String branch() {
    return parameters.getOrDefault("branch", "");
  }

  /** Whether the branch is an RFC 3261 one (unique per transaction). */
  boolean hasRfc3261Branch() {
    return branch().startsWith(MAGIC_COOKIE);
  }

  /** The sent-by as written: host (bracketed when IPv6) and port if any. */
  String sentBy() {
    String written = host.contains(":") ? "[" + host + "]" : host;
    return port < 0 ? written : written + ":" + port;
  }
}
