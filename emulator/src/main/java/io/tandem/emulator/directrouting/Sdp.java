package io.tandem.emulator.directrouting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The part of an SDP audio offer or answer the emulator needs: connection address, audio port,
 * payload types in order, the telephone-event payload type, the media direction, the transport
 * profile and the SDES {@code a=crypto} values. Writes the emulator's own offers and answers: G.711
 * (PCMU 0, PCMA 8) with RFC 4733 telephone-event 101, on {@code RTP/SAVP} with one crypto line when
 * given one ({@link TeamsSrtp}), else plain {@code RTP/AVP}.
 */
public record Sdp(
    String address,
    int port,
    List<Integer> payloadTypes,
    int telephoneEvent,
    String direction,
    String protocol,
    List<String> crypto,
    List<String> ice) {

  /** The dynamic payload type the emulator uses for telephone-event. */
  public static final int TELEPHONE_EVENT = 101;

  /** Parses {@code text}; throws {@link IllegalArgumentException} without an audio m= line. */
  public static Sdp parse(String text) {
    String sessionAddress = null;
    String mediaAddress = null;
    int port = -1;
    List<Integer> payloads = new ArrayList<>();
    int telephoneEvent = -1;
    String direction = "sendrecv";
    String protocol = "RTP/AVP";
    List<String> crypto = new ArrayList<>();
    List<String> ice = new ArrayList<>();
    boolean inAudio = false;
    for (String raw : text.split("\r?\n")) {
      String line = raw.trim();
      if (line.startsWith("m=")) {
        String[] parts = line.substring(2).split(" +");
        inAudio = parts[0].equals("audio") && port < 0;
        if (inAudio) {
          port = Integer.parseInt(parts[1]);
          protocol = parts[2];
          for (int i = 3; i < parts.length; i++) {
            payloads.add(Integer.parseInt(parts[i]));
          }
        }
      } else if (line.startsWith("c=")) {
        String[] parts = line.substring(2).split(" +");
        if (parts.length == 3) {
          if (inAudio) {
            mediaAddress = parts[2];
          } else if (port < 0) {
            sessionAddress = parts[2];
          }
        }
      } else if (line.startsWith("a=rtpmap:") && (inAudio || port < 0)) {
        String[] parts = line.substring("a=rtpmap:".length()).split(" +", 2);
        if (parts.length == 2 && parts[1].toLowerCase(Locale.ROOT).startsWith("telephone-event/")) {
          telephoneEvent = Integer.parseInt(parts[0]);
        }
      } else if ((line.startsWith("a=ice-") || line.startsWith("a=candidate:"))
          && (inAudio || port < 0)) {
        ice.add(line.substring(2));
      } else if (line.startsWith("a=crypto:") && inAudio) {
        crypto.add(line.substring("a=crypto:".length()).trim());
      } else if (line.matches("a=(sendrecv|sendonly|recvonly|inactive)")) {
        direction = line.substring(2);
      }
    }
    String address = mediaAddress != null ? mediaAddress : sessionAddress;
    if (port < 0 || address == null) {
      throw new IllegalArgumentException("no audio m= line with a c= address");
    }
    return new Sdp(
        address, port, List.copyOf(payloads), telephoneEvent, direction, protocol, crypto, ice);
  }

  /** The first of PCMU (0) and PCMA (8) the offer lists, or -1 when it has neither. */
  public int firstG711() {
    for (int payload : payloadTypes) {
      if (payload == 0 || payload == 8) {
        return payload;
      }
    }
    return -1;
  }

  /** Whether the offer puts the call on hold (sendonly, inactive, or the 0.0.0.0 address). */
  public boolean holds() {
    return direction.equals("sendonly")
        || direction.equals("inactive")
        || address.equals("0.0.0.0");
  }

  /** The direction an answerer takes for an offer with this direction. */
  public String answerDirection() {
    return switch (direction) {
      case "sendonly" -> "recvonly";
      case "recvonly" -> "sendonly";
      case "inactive" -> "inactive";
      default -> "sendrecv";
    };
  }

  /** Keeps unmodifiable copies. */
  public Sdp {
    payloadTypes = List.copyOf(payloadTypes);
    crypto = List.copyOf(crypto);
    ice = List.copyOf(ice);
  }

  /** Whether the profile is secure RTP ({@code RTP/SAVP}, {@code UDP/TLS/RTP/SAVP}). */
  public boolean secure() {
    return protocol.endsWith("RTP/SAVP");
  }

  /** A plain RTP/AVP body ({@link #write(String, int, long, List, String, String)}). */
  public static String write(
      String address, int port, long sessionVersion, List<Integer> payloads, String direction) {
    return write(address, port, sessionVersion, payloads, direction, null);
  }

  /**
   * An SDP body for {@code address:port} with {@code payloads} (plus telephone-event 101); with
   * {@code crypto} (an {@code a=crypto} value) on {@code RTP/SAVP}, else on {@code RTP/AVP}.
   */
  public static String write(
      String address,
      int port,
      long sessionVersion,
      List<Integer> payloads,
      String direction,
      @Nullable String crypto) {
    StringBuilder sdp = new StringBuilder();
    sdp.append("v=0\r\n");
    sdp.append("o=- ").append(port).append(' ').append(sessionVersion);
    sdp.append(" IN IP4 ").append(address).append("\r\n");
    sdp.append("s=session\r\n");
    sdp.append("c=IN IP4 ").append(address).append("\r\n");
    sdp.append("t=0 0\r\n");
    sdp.append("m=audio ").append(port).append(crypto == null ? " RTP/AVP" : " RTP/SAVP");
    payloads.forEach(p -> sdp.append(' ').append(p));
    sdp.append(' ').append(TELEPHONE_EVENT).append("\r\n");
    for (int payload : payloads) {
      sdp.append("a=rtpmap:")
          .append(payload)
          .append(payload == 0 ? " PCMU/8000" : " PCMA/8000")
          .append("\r\n");
    }
    sdp.append("a=rtpmap:").append(TELEPHONE_EVENT).append(" telephone-event/8000\r\n");
    sdp.append("a=fmtp:").append(TELEPHONE_EVENT).append(" 0-16\r\n");
    sdp.append("a=ptime:20\r\n");
    sdp.append("a=").append(direction).append("\r\n");
    if (crypto != null) {
      sdp.append("a=crypto:").append(crypto).append("\r\n");
    }
    return sdp.toString();
  }

  static @Nullable Sdp parseOrNull(String text) {
    try {
      return text.isBlank() ? null : parse(text);
    } catch (RuntimeException malformed) {
      return null;
    }
  }
}
