package io.tandem.sip.sdp;

import io.tandem.media.codec.G711;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * What one leg's offer/answer settled, from Tandem's side: what to open its RTP session with and
 * where to send.
 *
 * @param codec the G.711 law both sides send
 * @param remote where the far end receives RTP ({@code 0.0.0.0} on a RFC 2543-style hold)
 * @param dtmfPayloadType the far end's telephone-event payload type, or -1 when it offered none
 *     (then digits come in band only)
 * @param direction what Tandem does: {@code RECVONLY} when the far end holds the call
 * @param ptime the packet time in ms the far end asked for (20 when it did not say); Tandem always
 *     sends 20 ms packets
 * @param sdes the SRTP keys SDES settled, or null for plain RTP
 */
public record NegotiatedMedia(
    G711 codec,
    InetSocketAddress remote,
    int dtmfPayloadType,
    Direction direction,
    int ptime,
    @Nullable SdesKeys sdes) {

  /** Plain RTP media. */
  public NegotiatedMedia(
      G711 codec, InetSocketAddress remote, int dtmfPayloadType, Direction direction, int ptime) {
    this(codec, remote, dtmfPayloadType, direction, ptime, null);
  }

  /** Whether the leg's media is SRTP. */
  public boolean isSecure() {
    return sdes != null;
  }

  /** The packet time Tandem sends and assumes when none is given. */
  public static final int DEFAULT_PTIME = 20;

  /** Whether the far end sends RFC 4733 telephone-events. */
  public boolean hasTelephoneEvents() {
    return dtmfPayloadType >= 0;
  }

  /** Whether there is an address to send to: not {@code 0.0.0.0} and not port 0. */
  public boolean hasRemote() {
    return !remote.getAddress().isAnyLocalAddress() && remote.getPort() != 0;
  }
}
