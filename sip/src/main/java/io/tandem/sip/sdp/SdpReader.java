package io.tandem.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads one SDP text line by line into a {@link SessionDescription}; used once. */
final class SdpReader {

  private final String[] lines;
  private int number;
  private @Nullable Origin origin;
  private @Nullable String sessionName;
  private @Nullable Connection connection;
  private final List<String> bandwidths = new ArrayList<>();
  private @Nullable String timing;
  private final List<Attribute> attributes = new ArrayList<>();
  private final List<MediaDescription> media = new ArrayList<>();
  private @Nullable MediaBuilder current;

  SdpReader(String text) {
    this.lines = SdpText.LINE_ENDS.split(text);
  }

  SessionDescription read() throws MalformedSdpException {
    boolean versionSeen = false;
    for (number = 1; number <= lines.length; number++) {
      String line = lines[number - 1];
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLetter(line.charAt(0))) {
        throw reject("not <type>=<value>: '" + line + "'");
      }
      char type = line.charAt(0);
      String value = line.substring(2);
      if (!versionSeen) {
        if (type != 'v' || !value.trim().equals("0")) {
          throw reject("SDP must start with v=0, starts with '" + line + "'");
        }
        versionSeen = true;
        continue;
      }
      try {
        MediaBuilder stream = current;
        if (type == 'm') {
          finishMedia();
          current = MediaBuilder.parse(value);
        } else if (stream == null) {
          session(type, value);
        } else {
          stream.line(type, value);
        }
      } catch (MalformedSdpException e) {
        throw reject(e.getMessage());
      }
    }
    if (!versionSeen) {
      throw new MalformedSdpException("empty SDP");
    }
    finishMedia();
    if (origin == null) {
      throw new MalformedSdpException("no o= line");
    }
    if (sessionName == null) {
      throw new MalformedSdpException("no s= line");
    }
    for (MediaDescription stream : media) {
      if (stream.port() != 0 && stream.connection() == null && connection == null) {
        throw new MalformedSdpException(
            "m=" + stream.media() + " " + stream.port() + " has no c= and the session none");
      }
    }
    return new SessionDescription(
        origin,
        sessionName.isEmpty() ? "-" : sessionName,
        connection,
        bandwidths,
        timing == null ? "0 0" : timing,
        attributes,
        media);
  }

  private void session(char type, String value) throws MalformedSdpException {
    switch (type) {
      case 'o' -> {
        if (origin != null) {
          throw new MalformedSdpException("a second o= line");
        }
        origin = Origin.parse(value);
      }
      case 's' -> sessionName = sessionName == null ? value.trim() : sessionName;
      case 'c' -> connection = connection == null ? Connection.parse(value) : connection;
      case 'b' -> bandwidths.add(value);
      case 't' -> timing = timing == null ? value.trim() : timing;
      case 'a' -> attributes.add(attribute(value));
      default -> {
        // i= u= e= p= r= z= k= and unknown types: nothing a G.711 call uses
      }
    }
  }

  private void finishMedia() {
    if (current != null) {
      media.add(current.build());
      current = null;
    }
  }

  private MalformedSdpException reject(@Nullable String message) {
    return new MalformedSdpException("line " + number + ": " + message);
  }

  static Attribute attribute(String value) throws MalformedSdpException {
    if (value.isEmpty()) {
      throw new MalformedSdpException("empty a= line");
    }
    Attribute attribute = Attribute.parse(value);
    String attributeValue = attribute.value();
    if (attribute.name().equals("rtpmap")) {
      RtpMap.parse(attributeValue == null ? "" : attributeValue);
    }
    if (attribute.name().equals("ptime")
        && MediaDescription.ptimeOf(attributeValue == null ? "" : attributeValue) < 0) {
      throw new MalformedSdpException("a=ptime:" + attributeValue + " is no packet time in ms");
    }
    return attribute;
  }

  /** The {@code m=} section being read. */
  private static final class MediaBuilder {
    private final String mediaType;
    private final int port;
    private final int portCount;
    private final String protocol;
    private final List<String> formats;
    private @Nullable Connection streamConnection;
    private final List<String> streamBandwidths = new ArrayList<>();
    private final List<Attribute> streamAttributes = new ArrayList<>();

    private MediaBuilder(
        String mediaType, int port, int portCount, String protocol, List<String> formats) {
      this.mediaType = mediaType;
      this.port = port;
      this.portCount = portCount;
      this.protocol = protocol;
      this.formats = formats;
    }

    static MediaBuilder parse(String value) throws MalformedSdpException {
      String[] fields = SdpText.SPACES.split(value.trim());
      if (fields.length < 4) {
        throw new MalformedSdpException(
            "m= needs '<media> <port> <proto> <fmt> …', has '" + value + "'");
      }
      String[] port = fields[1].split("/", 2);
      int count =
          port.length == 2 ? SessionDescription.number(port[1], 1, 65535, "m= port count") : 1;
      return new MediaBuilder(
          fields[0],
          SessionDescription.number(port[0], 0, 65535, "m= port"),
          count,
          fields[2],
          List.of(fields).subList(3, fields.length));
    }

    void line(char type, String value) throws MalformedSdpException {
      switch (type) {
        case 'c' ->
            streamConnection =
                streamConnection == null ? Connection.parse(value) : streamConnection;
        case 'b' -> streamBandwidths.add(value);
        case 'a' -> streamAttributes.add(attribute(value));
        default -> {
          // i= k= and unknown types
        }
      }
    }

    MediaDescription build() {
      return new MediaDescription(
          mediaType,
          port,
          portCount,
          protocol,
          formats,
          streamConnection,
          streamBandwidths,
          streamAttributes);
    }
  }
}
