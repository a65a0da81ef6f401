package io.tandem.sip.media;

import io.tandem.media.clock.Pacer;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfSender;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import io.tandem.sip.sdp.NegotiatedMedia;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The RTP ports of one node: opens each leg's {@link RtpSession} on the next even port of {@code
 * [firstPort, lastPort]} on the bind address that binds, skipping ports in use (by this node's
 * other legs or anything else), going round the range so a port just released is taken last.
 * Closing the session releases its port. RTCP is not run, so the odd ports stay free.
 *
 * <p>Thread-safe: legs of many calls open concurrently.
 */
public final class RtpPorts {

  /** The default first port. */
  public static final int DEFAULT_FIRST_PORT = 20000;

  /** The default last port. */
  public static final int DEFAULT_LAST_PORT = 29998;

  private final InetAddress bindAddress;
  private final int firstPort;
  private final int count;
  private final Pacer pacer;
  private final RtpSessionOptions base;
  private final AtomicInteger next = new AtomicInteger();

  /**
   * @param bindAddress where sessions bind (the address put into SDP)
   * @param firstPort the lowest port, even, 1024-65534
   * @param lastPort the highest port, at least {@code firstPort}
   * @param pacer sends every session's 20 ms frames
   */
  public RtpPorts(InetAddress bindAddress, int firstPort, int lastPort, Pacer pacer) {
    if (firstPort % 2 != 0 || firstPort < 1024 || lastPort > 65535 || lastPort < firstPort) {
      throw new IllegalArgumentException(
          "RTP ports must be an even first port of 1024-65534 up to a last port: "
              + firstPort
              + "-"
              + lastPort);
    }
    this.bindAddress = bindAddress;
    this.firstPort = firstPort;
    this.count = (lastPort - firstPort) / 2 + 1;
    this.pacer = pacer;
    this.base = RtpSessionOptions.defaults();
  }

  /** Ports {@value #DEFAULT_FIRST_PORT}-{@value #DEFAULT_LAST_PORT} on the loopback address. */
  public static RtpPorts loopback(Pacer pacer) {
    return new RtpPorts(
        InetAddress.getLoopbackAddress(), DEFAULT_FIRST_PORT, DEFAULT_LAST_PORT, pacer);
  }

  /** The address sessions bind to and SDP announces. */
  public InetAddress bindAddress() {
    return bindAddress;
  }

  /**
   * Opens a session for what an offer/answer settled, sending to the far end unless it announced no
   * address ({@code 0.0.0.0} or port 0); {@code listener} hears what arrives.
   *
   * @throws IOException when no port of the range is free, or binding fails otherwise
   */
  public RtpSession open(NegotiatedMedia media, RtpListener listener) throws IOException {
    RtpSession session =
        open(media.codec(), media.hasTelephoneEvents() ? media.dtmfPayloadType() : -1, listener);
    if (media.hasRemote()) {
      session.connect(media.remote());
    }
    return session;
  }

  /**
   * Opens a session sending {@code codec} and telephone-events as {@code dtmfPayloadType} (-1: the
   * default 101, unused while none was negotiated), not yet sending anywhere: for a leg whose offer
   * Tandem makes (see {@link #adopt}).
   *
   * @throws IOException when no port of the range is free, or binding fails otherwise
   */
  public RtpSession open(G711 codec, int dtmfPayloadType, RtpListener listener) throws IOException {
    RtpSessionOptions options =
        base.withCodec(codec)
            .withDtmf(
                dtmfPayloadType < 0
                    ? DtmfSender.DEFAULT
                    : DtmfSender.DEFAULT.withPayloadType(dtmfPayloadType));
    int start = Math.floorMod(next.getAndIncrement(), count);
    for (int i = 0; i < count; i++) {
      int port = firstPort + 2 * ((start + i) % count);
      try {
        RtpSession session =
            RtpSession.open(
                options.withBindAddress(new InetSocketAddress(bindAddress, port)), pacer, listener);
        next.set(start + i + 1);
        return session;
      } catch (BindException inUse) {
        // taken: try the next one
      }
    }
    throw new IOException(
        "no free RTP port in "
            + firstPort
            + "-"
            + (firstPort + 2 * (count - 1))
            + " on "
            + bindAddress);
  }

  /**
   * The session to use once the far end answered the offer {@code session}'s port was put in: the
   * same session, sending to the far end, when the answer kept its codec and telephone-event type;
   * else a new session on the same port (the old one closed) with what the answer settled.
   *
   * @throws IOException when the port cannot be bound again
   */
  public RtpSession adopt(RtpSession session, NegotiatedMedia answered) throws IOException {
    RtpSessionOptions options = session.options();
    int dtmf =
        answered.hasTelephoneEvents() ? answered.dtmfPayloadType() : options.dtmf().payloadType();
    RtpSession adopted = session;
    if (options.codec() != answered.codec() || options.dtmf().payloadType() != dtmf) {
      InetSocketAddress local = session.localAddress();
      RtpListener listener = session.listener();
      session.close();
      adopted =
          RtpSession.open(
              options
                  .withCodec(answered.codec())
                  .withDtmf(options.dtmf().withPayloadType(dtmf))
                  .withBindAddress(local),
              pacer,
              listener);
    }
    if (answered.hasRemote()) {
      adopted.connect(answered.remote());
    }
    return adopted;
  }
}
