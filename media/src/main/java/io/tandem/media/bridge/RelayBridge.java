package io.tandem.media.bridge;

import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;

/**
 * Two sessions joined packet for packet: what arrives on {@code a} is sent out of {@code b} and the
 * other way round, as it arrives (no pacing, no jitter buffer: the far ends' own buffers absorb
 * network jitter).
 *
 * <p>Each relayed packet is renumbered into the sending leg's stream ({@link RtpSession#relay}):
 * that leg's SSRC, its next sequence number, and timestamps offset so they continue from where the
 * leg's stream stood; the first packet after a (re-)bridge is marked. Audio is transcoded if the
 * legs use different G.711 laws; telephone-events (RFC 4733) are passed through with the payload
 * type renumbered to the sending leg's; other payloads (comfort noise) pass unchanged.
 *
 * <p>While bridged each leg stops playing its own audio, and the listeners the legs had keep
 * hearing every packet and digit (so digit detection goes on). {@link #close()} restores those
 * listeners; the legs stay open, and what they send next starts a new talk spurt.
 *
 * <p>Threading: relaying runs on each leg's receiving thread and does not block.
 */
public final class RelayBridge implements AutoCloseable {

  private final RtpSession a;
  private final RtpSession b;
  private final RtpListener aListener;
  private final RtpListener bListener;

  private RelayBridge(RtpSession a, RtpSession b) {
    this.a = a;
    this.b = b;
    this.aListener = a.listener();
    this.bListener = b.listener();
  }

  /** Joins {@code a} and {@code b} until {@link #close()}. */
  public static RelayBridge connect(RtpSession a, RtpSession b) {
    if (a == b) {
      throw new IllegalArgumentException("cannot bridge a session to itself");
    }
    RelayBridge bridge = new RelayBridge(a, b);
    a.play(null);
    b.play(null);
    a.restartRelay();
    b.restartRelay();
    a.listen(bridge.new Relay(a, b, bridge.aListener));
    b.listen(bridge.new Relay(b, a, bridge.bListener));
    return bridge;
  }

  /** Unjoins the legs and gives them back their listeners. Idempotent. */
  @Override
  public void close() {
    a.listen(aListener);
    b.listen(bListener);
    a.restartRelay();
    b.restartRelay();
  }

  /** Relays packets arriving on {@code from} out of {@code to}, telling {@code tee} too. */
  private final class Relay implements RtpListener {
    private final RtpSession to;
    private final RtpListener tee;
    private final int fromEvents;
    private final int toEvents;
    private final G711 toCodec;

    Relay(RtpSession from, RtpSession to, RtpListener tee) {
      this.to = to;
      this.tee = tee;
      this.fromEvents = from.options().dtmf().payloadType();
      this.toEvents = to.options().dtmf().payloadType();
      this.toCodec = to.options().codec();
    }

    @Override
    public void onPacket(RtpPacket packet) {
      to.relay(translate(packet));
      tee.onPacket(packet);
    }

    @Override
    public void onDigit(DtmfDigit digit) {
      tee.onDigit(digit);
    }

    private RtpPacket translate(RtpPacket packet) {
      int payloadType = packet.payloadType();
      if (payloadType == fromEvents) {
        return retype(packet, toEvents, packet.payload());
      }
      if (G711.isG711(payloadType) && payloadType != toCodec.payloadType()) {
        G711 fromCodec = G711.forPayloadType(payloadType);
        return retype(
            packet, toCodec.payloadType(), toCodec.encode(fromCodec.decode(packet.payload())));
      }
      return packet;
    }

    private static RtpPacket retype(RtpPacket packet, int payloadType, byte[] payload) {
      return new RtpPacket(
          packet.marker(),
          payloadType,
          packet.sequenceNumber(),
          packet.timestamp(),
          packet.ssrc(),
          packet.csrcs(),
          packet.extension(),
          payload,
          0);
    }
  }
}
