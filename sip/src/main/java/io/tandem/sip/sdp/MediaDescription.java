package io.tandem.sip.sdp;

import io.tandem.media.codec.G711;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One {@code m=} section: a media stream, its own connection data (else the session's), bandwidth
 * lines kept as written, and its attributes in order.
 *
 * @param media {@code audio}, {@code video} …
 * @param port the RTP port; 0 rejects or disables the stream
 * @param portCount consecutive ports ({@code m=audio 5000/2}), 1 unless given
 * @param protocol {@code RTP/AVP}, {@code RTP/SAVP} …
 * @param formats the payload types in the sender's order of preference
 * @param connection the stream's {@code c=}, or null to use the session's
 * @param bandwidths {@code b=} values as written
 * @param attributes the stream's {@code a=} lines in order
 */
public record MediaDescription(
    String media,
    int port,
    int portCount,
    String protocol,
    List<String> formats,
    @Nullable Connection connection,
    List<String> bandwidths,
    List<Attribute> attributes) {

  /** Keeps unmodifiable copies. */
  public MediaDescription {
    formats = List.copyOf(formats);
    bandwidths = List.copyOf(bandwidths);
    attributes = List.copyOf(attributes);
  }

  /** Whether this is an audio stream. */
  public boolean isAudio() {
    return media.equals("audio");
  }

  /** The stream's own direction attribute, if it has one. */
  public Optional<Direction> direction() {
    for (Attribute attribute : attributes) {
      Optional<Direction> direction = Direction.ofAttribute(attribute.name());
      if (attribute.value() == null && direction.isPresent()) {
        return direction;
      }
    }
    return Optional.empty();
  }

  /** The first value of attribute {@code name}, if present. */
  public Optional<String> attribute(String name) {
    return attributes.stream()
        .filter(a -> a.name().equals(name) && a.value() != null)
        .map(Attribute::value)
        .findFirst();
  }

  /**
   * What payload type {@code format} carries: its {@code a=rtpmap}, else the static RFC 3551
   * mapping for PCMU (0) and PCMA (8); empty for anything else without an rtpmap.
   */
  public Optional<RtpMap> rtpmap(String format) {
    for (Attribute attribute : attributes) {
      String value = attribute.value();
      if (attribute.name().equals("rtpmap") && value != null && value.startsWith(format + " ")) {
        try {
          return Optional.of(RtpMap.parse(value));
        } catch (MalformedSdpException checkedWhenParsed) {
          return Optional.empty();
        }
      }
    }
    return switch (format) {
      case "0" -> Optional.of(new RtpMap(0, "PCMU", G711.SAMPLE_RATE, 1));
      case "8" -> Optional.of(new RtpMap(8, "PCMA", G711.SAMPLE_RATE, 1));
      default -> Optional.empty();
    };
  }

  /** The {@code a=fmtp} parameters of {@code format}, if given. */
  public Optional<String> fmtp(String format) {
    return attributes.stream()
        .filter(a -> a.name().equals("fmtp") && a.value() != null)
        .map(Attribute::value)
        .filter(v -> v.startsWith(format + " "))
        .map(v -> v.substring(format.length() + 1).trim())
        .findFirst();
  }

  /** The {@code a=ptime} in milliseconds, if given. */
  public OptionalInt ptime() {
    Optional<String> ptime = attribute("ptime");
    return ptime.isEmpty() ? OptionalInt.empty() : OptionalInt.of(ptimeOf(ptime.get()));
  }

  /** This stream with port 0 and no attributes: how an answer rejects it (RFC 3264 §6). */
  public MediaDescription rejected() {
    return new MediaDescription(
        media, 0, 1, protocol, formats.subList(0, 1), null, List.of(), List.of());
  }

  /** The section's lines, without line ends. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "m="
            + media
            + " "
            + port
            + (portCount == 1 ? "" : "/" + portCount)
            + " "
            + protocol
            + " "
            + String.join(" ", formats));
    if (connection != null) {
      lines.add("c=" + connection.text());
    }
    bandwidths.forEach(b -> lines.add("b=" + b));
    attributes.forEach(a -> lines.add("a=" + a.text()));
    return lines;
  }

  static int ptimeOf(String value) {
    try {
      double millis = Double.parseDouble(value.trim());
      if (millis >= 1 && millis <= 1000) {
        return (int) Math.round(millis);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return -1;
  }
}
