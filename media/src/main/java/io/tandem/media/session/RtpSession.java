package io.tandem.media.session;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.clock.Pacer;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.dtmf.DtmfReceiver;
import io.tandem.media.ice.DatagramKind;
import io.tandem.media.ice.StunListener;
import io.tandem.media.rtp.MalformedRtpException;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.srtp.SrtpKeys;
import io.tandem.media.srtp.SrtpProtector;
import io.tandem.media.srtp.SrtpUnprotector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One RTP media stream over UDP: a bound {@link DatagramChannel}, a paced sender of 20 ms G.711
 * frames and RFC 4733 digits, and a receiver that hands packets to an {@link RtpListener}.
 *
 * <p>Sending: every pacer tick sends the next packet ({@link Transmitter}) with this session's
 * random SSRC, a sequence number from a random start +1 per packet, and a timestamp from a random
 * start +160 per 20 ms slot. The pacer ticks only while a source plays or digits are queued ({@link
 * SendPacing}); the slots go on counting media time while it does not. Nothing is sent before a
 * remote address is known. {@link #relay} sends another stream's packet renumbered into this one
 * (for bridges), as it arrives.
 *
 * <p>Receiving: a virtual thread per session blocks in {@code receive}, parses each datagram, and
 * calls the listener and then every {@linkplain #tap tap} ({@link RtpListener} threading); RFC 4733
 * packets also yield {@link RtpListener#onDigit} once per key press. With symmetric latching the
 * session sends to the address its packets come from: it latches on the first packet, and again
 * when a new SSRC arrives from a new address.
 *
 * <p>SRTP: after {@link #protect} every packet sent is encrypted and tagged (RFC 3711) and every
 * datagram received must authenticate and not be a replay before it is parsed, latched on or
 * delivered; a rejected one is counted ({@link RtpSessionStats#srtpRejected()}) and dropped.
 *
 * <p>ICE: after {@link #receiveStun} STUN and RTP share the port (RFC 7983): a datagram whose first
 * byte is 0-3 goes to the {@link StunListener} (an ICE-lite agent, or a controlling agent reading
 * responses) before any SRTP check, and what it returns is sent back from this socket to where the
 * datagram came from; {@link #sendDatagram} sends a check. Where media goes once a pair is
 * nominated is the agent's business (it calls {@link #connect}).
 *
 * <p>{@link #close()} stops the ticks, closes the channel (releasing the port) and ends the
 * receiving thread.
 */
public final class RtpSession implements AutoCloseable {

  /** The longest {@link #close()} waits for the receiving thread to let go of the socket. */
  public static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

  private static final int MAX_DATAGRAM = 1500;

  private final DatagramChannel channel;
  private final PacketWriter writer;
  private final RtpSessionOptions options;
  private final OutboundStream stream;
  private final Transmitter transmitter;
  private final DtmfReceiver dtmfReceiver;
  private final SendPacing pacing;
  private volatile @Nullable Thread receiver;
  private volatile RtpListener listener;
  private volatile @Nullable InetSocketAddress remote;
  private volatile long latchedSsrc = -1;
  private volatile @Nullable SrtpProtector protector;
  private volatile @Nullable SrtpUnprotector unprotector;
  private volatile @Nullable StunListener stun;
  private final List<RtpListener> taps = new CopyOnWriteArrayList<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong unsent = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong listenerFailures = new AtomicLong();
  private final AtomicLong srtpRejected = new AtomicLong();

  private RtpSession(
      DatagramChannel channel, RtpSessionOptions options, Pacer pacer, RtpListener listener) {
    this.channel = channel;
    this.writer = new PacketWriter(channel, MAX_DATAGRAM);
    this.options = options;
    this.listener = listener;
    this.stream =
        new OutboundStream(
            options.random().nextLong(1, 1L << 32),
            options.random().nextInt(1 << 16),
            options.random().nextLong(1L << 32));
    this.transmitter =
        new Transmitter(
            stream, options.codec(), options.dtmf(), options.silenceSuppression(), this::send);
    this.dtmfReceiver = new DtmfReceiver(options.dtmf().payloadType());
    this.pacing = new SendPacing(pacer, transmitter, stream);
  }

  /**
   * Binds a channel as {@code options} say and starts receiving; {@code pacer} ticks the sender
   * while it has something to send.
   */
  public static RtpSession open(RtpSessionOptions options, Pacer pacer, RtpListener listener)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.bind(options.bindAddress());
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    RtpSession session = new RtpSession(channel, options, pacer, listener);
    session.receiver =
        Thread.ofVirtual()
            .name("rtp-receive-" + session.localAddress().getPort())
            .start(session::receive);
    return session;
  }

  /** The bound local address, to put in SDP. */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("session is closed", e);
    }
  }

  /** The options the session was opened with. */
  public RtpSessionOptions options() {
    return options;
  }

  /** This stream's SSRC. */
  public long ssrc() {
    return stream.ssrc();
  }

  /** Sends to {@code address} (from the far end's SDP) until latching learns otherwise. */
  public void connect(InetSocketAddress address) {
    remote = address;
  }

  /** Where packets go now, if known. */
  public Optional<InetSocketAddress> remoteAddress() {
    return Optional.ofNullable(remote);
  }

  /**
   * Adds {@code tap}, which hears every packet and digit besides the listener (a recorder, a
   * detector), whatever later replaces the listener; until the returned handle is closed.
   */
  public AutoCloseable tap(RtpListener tap) {
    taps.add(tap);
    return () -> taps.remove(tap);
  }

  /** The current listener. */
  public RtpListener listener() {
    return listener;
  }

  /** Replaces the listener (a bridge or recorder taking over). */
  public void listen(RtpListener newListener) {
    listener = newListener;
  }

  /**
   * Sends {@code source} from the next tick on, replacing what was playing; null stops sending
   * audio. An ended source is dropped and the session falls silent.
   */
  public void play(@Nullable AudioSource source) {
    transmitter.play(source);
    if (source != null) {
      pacing.wake();
    }
  }

  /** What is playing, or null once it ended or was stopped. */
  public @Nullable AudioSource playing() {
    return transmitter.playing();
  }

  /** Queues one RFC 4733 digit, sent after the digits already queued. */
  public void sendDigit(DtmfDigit digit) {
    transmitter.queue(digit);
    pacing.wake();
  }

  /** Queues the symbols of {@code digits} (0-9, *, #, A-D) as RFC 4733 digits. */
  public void sendDigits(String digits) {
    digits.chars().forEach(symbol -> sendDigit(DtmfDigit.ofSymbol((char) symbol)));
  }

  /** Sends another stream's packet renumbered into this one (SSRC, sequence, timestamp). */
  public void relay(RtpPacket foreign) {
    pacing.catchUp();
    send(stream.relay(foreign));
  }

  /**
   * Makes the next packet start afresh: a relayed one gets a new timestamp offset, and either kind
   * is marked as a talk spurt's start. Called when a bridge starts or ends.
   */
  public void restartRelay() {
    stream.restartRelay();
  }

  /**
   * Sends and receives SRTP with {@code keys} from now on, or plain RTP when null. A direction
   * whose suite and master key are unchanged keeps its crypto context (its rollover counter and
   * replay window); a new key starts a new one (RFC 4568 §7.1.4).
   */
  public void protect(@Nullable SrtpKeys keys) {
    if (keys == null) {
      protector = null;
      unprotector = null;
      return;
    }
    SrtpProtector sending = protector;
    if (sending == null || !sending.uses(keys.suite(), keys.local())) {
      protector = new SrtpProtector(keys.suite(), keys.local());
    }
    SrtpUnprotector receiving = unprotector;
    if (receiving == null || !receiving.uses(keys.suite(), keys.remote(), keys.remoteMkiLength())) {
      unprotector = new SrtpUnprotector(keys.suite(), keys.remote(), keys.remoteMkiLength());
    }
  }

  /**
   * Hands the STUN datagrams arriving on this session's port to {@code listener} from now on; null
   * stops (a STUN datagram is then malformed RTP).
   */
  public void receiveStun(@Nullable StunListener listener) {
    stun = listener;
  }

  /**
   * Sends {@code datagram} as it is (a STUN check) from this session's socket to {@code to}; false
   * when the socket is closed or the send failed.
   */
  public boolean sendDatagram(byte[] datagram, InetSocketAddress to) {
    try {
      channel.send(ByteBuffer.wrap(datagram), to);
      return true;
    } catch (IOException closedOrUnreachable) {
      return false;
    }
  }

  /** Whether the session sends and expects SRTP. */
  public boolean isProtected() {
    return protector != null;
  }

  /** The counters so far. */
  public RtpSessionStats stats() {
    return new RtpSessionStats(
        sent.get(),
        unsent.get(),
        received.get(),
        malformed.get(),
        listenerFailures.get(),
        srtpRejected.get());
  }

  /**
   * Stops ticking, ends the receiving thread and releases the port: when this returns the port can
   * be bound again. Waits at most {@link #CLOSE_WAIT} for the receiving thread (which finishes the
   * socket's close as it leaves {@code receive}). Idempotent.
   */
  @Override
  public void close() {
    pacing.close();
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a datagram channel has nothing to flush
    }
    Thread thread = receiver;
    if (thread != null && thread != Thread.currentThread()) {
      try {
        thread.join(CLOSE_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether the pacer ticks this session now: only while it plays a source or sends digits. */
  public boolean ticking() {
    return pacing.ticking();
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return !channel.isOpen();
  }

  private void send(RtpPacket packet) {
    InetSocketAddress target = remote;
    if (target == null) {
      unsent.incrementAndGet();
      return;
    }
    try {
      writer.send(packet, target, protector);
      sent.incrementAndGet();
    } catch (IOException closedOrUnreachable) {
      unsent.incrementAndGet();
    }
  }

  private void receive() {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    while (channel.isOpen()) {
      buffer.clear();
      InetSocketAddress from;
      try {
        from = (InetSocketAddress) channel.receive(buffer);
      } catch (IOException closedOrFailed) {
        return;
      }
      buffer.flip();
      StunListener agent = stun;
      if (agent != null
          && buffer.limit() > 0
          && DatagramKind.of(buffer.get(0)) == DatagramKind.STUN) {
        answerCheck(agent, buffer, from);
        continue;
      }
      SrtpUnprotector srtp = unprotector;
      if (srtp != null) {
        int plain = srtp.unprotect(buffer.array(), buffer.limit());
        if (plain < 0) {
          srtpRejected.incrementAndGet();
          continue;
        }
        buffer.limit(plain);
      }
      RtpPacket packet;
      try {
        packet = RtpPacket.parse(buffer);
      } catch (MalformedRtpException e) {
        malformed.incrementAndGet();
        continue;
      }
      received.incrementAndGet();
      latch(from, packet.ssrc());
      deliver(packet);
    }
  }

  private void answerCheck(StunListener agent, ByteBuffer datagram, InetSocketAddress from) {
    byte[] response;
    try {
      response = agent.onStun(datagram.array(), datagram.limit(), from);
    } catch (RuntimeException e) {
      listenerFailures.incrementAndGet();
      return;
    }
    if (response != null) {
      sendDatagram(response, from);
    }
  }

  private void latch(InetSocketAddress from, long ssrc) {
    if (!options.symmetricLatching()) {
      return;
    }
    if (latchedSsrc == -1 || (ssrc != latchedSsrc && !from.equals(remote))) {
      remote = from;
      latchedSsrc = ssrc;
    }
  }

  private void deliver(RtpPacket packet) {
    Optional<DtmfDigit> digit = dtmfReceiver.accept(packet);
    deliver(listener, packet, digit);
    for (RtpListener tap : taps) {
      deliver(tap, packet, digit);
    }
  }

  private void deliver(RtpListener to, RtpPacket packet, Optional<DtmfDigit> digit) {
    try {
      to.onPacket(packet);
      if (digit.isPresent()) {
        to.onDigit(digit.get());
      }
    } catch (RuntimeException e) {
      listenerFailures.incrementAndGet();
    }
  }
}
