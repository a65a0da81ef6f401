package io.tandem.sip.sdp;

import io.tandem.media.ice.IceCredentials;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ICE in SDP (RFC 8839) as an ICE-lite SBC speaks it for Direct Routing media bypass
 * (MICROSOFT-CONTRACTS §1.7): {@code a=ice-lite} at session level, and on the audio stream {@code
 * a=ice-ufrag}, {@code a=ice-pwd}, exactly one IPv4 host {@code a=candidate} for component 1 (the
 * RTP port) and {@code a=rtcp-mux}; and the peer's credentials read from its description.
 */
public final class IceSdp {

  /** The session-level attribute of a lite agent. */
  public static final String ICE_LITE = "ice-lite";

  /**
   * The host candidate's priority (RFC 8445 §5.1.2.1): type preference 126, local preference 65535,
   * component 1.
   */
  public static final long HOST_PRIORITY = (126L << 24) + (65535L << 8) + (256 - 1);

  private static final String UFRAG = "ice-ufrag";
  private static final String PWD = "ice-pwd";

  private IceSdp() {}

  /**
   * {@code description} with Tandem's ICE-lite attributes: {@code a=ice-lite} added at session
   * level, and the first audio stream with a port given {@code local}'s fragment and password, one
   * host candidate at {@code candidate} and {@code a=rtcp-mux} (ICE lines already there are
   * replaced).
   *
   * @throws IllegalArgumentException when {@code candidate} is not IPv4 or there is no audio stream
   */
  public static SessionDescription withIceLite(
      SessionDescription description, IceCredentials local, InetSocketAddress candidate) {
    if (!(candidate.getAddress() instanceof Inet4Address)) {
      throw new IllegalArgumentException("the one ICE candidate is IPv4: " + candidate);
    }
    MediaDescription audio =
        description
            .audio()
            .orElseThrow(() -> new IllegalArgumentException("no audio stream to put ICE on"));
    List<Attribute> attributes = new ArrayList<>();
    for (Attribute attribute : audio.attributes()) {
      if (!isIce(attribute.name())) {
        attributes.add(attribute);
      }
    }
    attributes.add(Attribute.of(UFRAG, local.ufrag()));
    attributes.add(Attribute.of(PWD, local.pwd()));
    attributes.add(
        Attribute.of(
            "candidate",
            "1 1 UDP "
                + HOST_PRIORITY
                + " "
                + candidate.getAddress().getHostAddress()
                + " "
                + candidate.getPort()
                + " typ host"));
    attributes.add(Attribute.property("rtcp-mux"));
    MediaDescription withIce =
        new MediaDescription(
            audio.media(),
            audio.port(),
            audio.portCount(),
            audio.protocol(),
            audio.formats(),
            audio.connection(),
            audio.bandwidths(),
            attributes);
    List<MediaDescription> media = new ArrayList<>(description.media());
    media.set(media.indexOf(audio), withIce);
    List<Attribute> session = new ArrayList<>();
    for (Attribute attribute : description.attributes()) {
      if (!isIce(attribute.name())) {
        session.add(attribute);
      }
    }
    session.add(Attribute.property(ICE_LITE));
    return new SessionDescription(
        description.origin(),
        description.sessionName(),
        description.connection(),
        description.bandwidths(),
        description.timing(),
        session,
        media);
  }

  /**
   * The peer's ICE credentials for its first audio stream: that stream's {@code a=ice-ufrag} and
   * {@code a=ice-pwd}, each else the session-level one; empty when the peer does not do ICE.
   *
   * @throws MalformedSdpException when only one of the two is given, or either is not made of 4-256
   *     (22-256 for the password) ice-chars
   */
  public static Optional<IceCredentials> remoteCredentials(SessionDescription description)
      throws MalformedSdpException {
    Optional<MediaDescription> audio = description.audio();
    Optional<String> ufrag = valueOf(description, audio, UFRAG);
    Optional<String> pwd = valueOf(description, audio, PWD);
    if (ufrag.isEmpty() && pwd.isEmpty()) {
      return Optional.empty();
    }
    if (ufrag.isEmpty() || pwd.isEmpty()) {
      throw new MalformedSdpException("a=ice-ufrag and a=ice-pwd come together");
    }
    try {
      return Optional.of(new IceCredentials(ufrag.get().trim(), pwd.get().trim()));
    } catch (IllegalArgumentException invalid) {
      throw new MalformedSdpException("unusable ICE credentials: " + invalid.getMessage());
    }
  }

  /** Whether {@code description} declares its sender an ICE-lite agent. */
  public static boolean isLite(SessionDescription description) {
    return description.attributes().stream()
        .anyMatch(a -> a.name().equals(ICE_LITE) && a.value() == null);
  }

  /** The {@code a=candidate} values of the first audio stream, as written. */
  public static List<String> candidates(SessionDescription description) {
    return description.audio().stream()
        .flatMap(m -> m.attributes().stream())
        .filter(a -> a.name().equals("candidate") && a.value() != null)
        .map(Attribute::value)
        .toList();
  }

  private static Optional<String> valueOf(
      SessionDescription description, Optional<MediaDescription> audio, String name) {
    Optional<String> own = audio.flatMap(m -> m.attribute(name));
    if (own.isPresent()) {
      return own;
    }
    return description.attributes().stream()
        .filter(a -> a.name().equals(name) && a.value() != null)
        .map(Attribute::value)
        .findFirst();
  }

  private static boolean isIce(String name) {
    return name.equals(UFRAG)
        || name.equals(PWD)
        || name.equals("candidate")
        || name.equals("rtcp-mux")
        || name.equals(ICE_LITE)
        || name.equals("ice-options");
  }
}
