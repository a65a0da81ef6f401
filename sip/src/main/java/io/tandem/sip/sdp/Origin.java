package io.tandem.sip.sdp;

/**
 * The {@code o=} line: who made the description and which version it is. A re-INVITE's SDP with the
 * same {@code sessionId} and a higher {@code version} changes the session (RFC 3264 §8). The
 * address is kept as text: it only names the originator (often a host name) and is never used.
 *
 * @param username the originator's login, {@code -} for none
 * @param sessionId a numeric string unique to the originator
 * @param version a numeric string increased with each change
 * @param addressType {@code IP4} or {@code IP6}
 * @param address the originator's address or host name
 */
public record Origin(
    String username, String sessionId, String version, String addressType, String address) {

  /** Tandem's own origin at {@code connection}. */
  static Origin of(long sessionId, long version, Connection connection) {
    return new Origin(
        "tandem",
        Long.toString(sessionId),
        Long.toString(version),
        connection.addressType(),
        connection.address().getHostAddress());
  }

  /** The line's text after {@code o=}. */
  public String text() {
    return String.join(" ", username, sessionId, version, "IN", addressType, address);
  }

  static Origin parse(String text) throws MalformedSdpException {
    String[] fields = SdpText.SPACES.split(text.trim());
    if (fields.length != 6) {
      throw new MalformedSdpException("o= needs 6 fields, has " + fields.length + ": " + text);
    }
    if (!fields[3].equals("IN")) {
      throw new MalformedSdpException("o= network type " + fields[3] + ", only IN is known");
    }
    return new Origin(fields[0], fields[1], fields[2], fields[4], fields[5]);
  }
}
