package io.tandem.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An SDP session description (RFC 4566): origin, session name, session-level connection,
 * bandwidths, timing and attributes, and the media sections.
 *
 * <p>{@link #parse} reads CRLF or LF lines. Lines a G.711 call has no use for ({@code i= u= e= p=
 * r= z= k=} and unknown types) are dropped; {@code b=} lines and every attribute are kept. {@link
 * #format} writes CRLF lines in RFC 4566 order, so {@code parse(format(d))} equals {@code d}.
 *
 * @param origin the {@code o=} line
 * @param sessionName the {@code s=} text ({@code -} when there is none)
 * @param connection the session-level {@code c=}, or null when every stream has its own
 * @param bandwidths session-level {@code b=} values as written
 * @param timing the {@code t=} value, {@code 0 0} for an unbounded session
 * @param attributes session-level {@code a=} lines in order
 * @param media the {@code m=} sections in order
 */
public record SessionDescription(
    Origin origin,
    String sessionName,
    @Nullable Connection connection,
    List<String> bandwidths,
    String timing,
    List<Attribute> attributes,
    List<MediaDescription> media) {

  /** The longest SDP body read; a SIP message over UDP is far shorter. */
  public static final int MAX_LENGTH = 64 * 1024;

  /** Keeps unmodifiable copies. */
  public SessionDescription {
    bandwidths = List.copyOf(bandwidths);
    attributes = List.copyOf(attributes);
    media = List.copyOf(media);
  }

  /**
   * Reads SDP text.
   *
   * @throws MalformedSdpException when a line is not {@code <type>=<value>}, {@code v=0} does not
   *     come first, {@code o=} or {@code s=} is missing, an {@code o=}, {@code c=}, {@code m=},
   *     {@code a=rtpmap} or {@code a=ptime} cannot be read, or a used stream has no connection
   */
  public static SessionDescription parse(String text) throws MalformedSdpException {
    if (text.length() > MAX_LENGTH) {
      throw new MalformedSdpException(
          "SDP of " + text.length() + " characters, at most " + MAX_LENGTH);
    }
    return new SdpReader(text).read();
  }

  /** The description as SDP text, CRLF after every line. */
  public String format() {
    List<String> lines = new ArrayList<>();
    lines.add("v=0");
    lines.add("o=" + origin.text());
    lines.add("s=" + sessionName);
    if (connection != null) {
      lines.add("c=" + connection.text());
    }
    bandwidths.forEach(b -> lines.add("b=" + b));
    lines.add("t=" + timing);
    attributes.forEach(a -> lines.add("a=" + a.text()));
    media.forEach(m -> lines.addAll(m.lines()));
    return String.join("\r\n", lines) + "\r\n";
  }

  /** The first audio stream that is not rejected (port 0), if any. */
  public Optional<MediaDescription> audio() {
    return media.stream().filter(m -> m.isAudio() && m.port() != 0).findFirst();
  }

  /** The direction of {@code stream}: its own attribute, else the session's, else sendrecv. */
  public Direction directionOf(MediaDescription stream) {
    return stream
        .direction()
        .or(
            () ->
                attributes.stream()
                    .filter(a -> a.value() == null)
                    .flatMap(a -> Direction.ofAttribute(a.name()).stream())
                    .findFirst())
        .orElse(Direction.SENDRECV);
  }

  /** Where {@code stream}'s media goes: its own {@code c=}, else the session's. */
  public Connection connectionOf(MediaDescription stream) {
    Connection own = stream.connection();
    if (own != null) {
      return own;
    }
    if (connection == null) {
      throw new IllegalStateException("stream " + stream.media() + " has no connection");
    }
    return connection;
  }

  /**
   * Whether this offer puts the call on hold: its audio stream is sendonly or inactive, or its
   * connection address is {@code 0.0.0.0} (RFC 2543 style, RFC 3264 §8.4); false without audio.
   */
  public boolean isHold() {
    return audio()
        .map(
            stream -> {
              Direction direction = directionOf(stream);
              return direction == Direction.SENDONLY
                  || direction == Direction.INACTIVE
                  || connectionOf(stream).isUnspecified();
            })
        .orElse(false);
  }

  /** {@code text} as an int in {@code [min, max]}, or a reject naming {@code what}. */
  static int number(String text, int min, int max, String what) throws MalformedSdpException {
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MalformedSdpException(what + " '" + text + "' is not a number in " + min + "-" + max);
  }
}
