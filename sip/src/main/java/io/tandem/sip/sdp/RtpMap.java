package io.tandem.sip.sdp;

/**
 * An {@code a=rtpmap} value: what a payload type carries, e.g. {@code 101 telephone-event/8000}.
 *
 * @param payloadType 0-127
 * @param encoding the encoding name as written ({@code PCMU}, {@code telephone-event})
 * @param clockRate the RTP clock rate in Hz
 * @param channels audio channels, 1 unless given
 */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

  /** Whether this is {@code name}/{@code rate}, the name compared ignoring case. */
  public boolean is(String name, int rate) {
    return encoding.equalsIgnoreCase(name) && clockRate == rate;
  }

  /** The attribute value: {@code 0 PCMU/8000}. */
  public String text() {
    return payloadType + " " + encoding + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
  }

  static RtpMap parse(String value) throws MalformedSdpException {
    String trimmed = value.trim();
    int space = trimmed.indexOf(' ');
    String[] parts =
        space < 0
            ? new String[] {trimmed}
            : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1).trim()};
    if (parts.length != 2) {
      throw new MalformedSdpException("a=rtpmap:" + value + " needs '<pt> <encoding>/<rate>'");
    }
    String[] encoding = parts[1].split("/");
    if (encoding.length < 2 || encoding.length > 3 || encoding[0].isEmpty()) {
      throw new MalformedSdpException("a=rtpmap:" + value + " needs '<encoding>/<rate>'");
    }
    return new RtpMap(
        SessionDescription.number(parts[0], 0, 127, "a=rtpmap payload type"),
        encoding[0],
        SessionDescription.number(encoding[1], 1, Integer.MAX_VALUE, "a=rtpmap clock rate"),
        encoding.length == 3
            ? SessionDescription.number(encoding[2], 1, 255, "a=rtpmap channels")
            : 1);
  }
}
