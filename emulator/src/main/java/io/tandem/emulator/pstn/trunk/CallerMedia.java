package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.directrouting.Sdp;
import io.tandem.media.audio.AudioSource;
import io.tandem.media.clock.Pacer;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import io.tandem.media.session.RtpSessionStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A trunk caller's phone: one RTP session on a loopback port (in the SDP offer), which starts
 * sending the caller's audio when the far end's SDP arrives (183 early media or 2xx), sends RFC
 * 4733 digits, stops sending while held, and lets {@link HeardAudio} hear everything it receives.
 * The session's law follows the answer: if the contact center picks PCMA the session is reopened on
 * the same port with PCMA.
 *
 * <p>Threading: changed on the call's serial executor; {@link #stats()} from any thread.
 */
final class CallerMedia implements AutoCloseable {

  private final InetSocketAddress bind;
  private final Pacer pacer;
  private final Supplier<AudioSource> audio;
  private final HeardAudio heard;
  private volatile RtpSession session;
  private @Nullable InetSocketAddress remote;
  private boolean held;
  private long sentBefore;

  private CallerMedia(
      InetSocketAddress bind, Pacer pacer, Supplier<AudioSource> audio, HeardAudio heard) {
    this.bind = bind;
    this.pacer = pacer;
    this.audio = audio;
    this.heard = heard;
    this.session = open(bind, G711.PCMU);
  }

  /** Opens a session on a free port of {@code address}; throws {@link UncheckedIOException}. */
  static CallerMedia open(
      String address, Pacer pacer, Supplier<AudioSource> audio, HeardAudio heard) {
    return new CallerMedia(new InetSocketAddress(address, 0), pacer, audio, heard);
  }

  private RtpSession open(InetSocketAddress at, G711 law) {
    try {
      return RtpSession.open(
          RtpSessionOptions.defaults()
              .withBindAddress(at)
              .withCodec(law)
              .withSymmetricLatching(false),
          pacer,
          heard);
    } catch (IOException noPort) {
      throw new UncheckedIOException(noPort);
    }
  }

  int localPort() {
    return session.localAddress().getPort();
  }

  /** The law sent now. */
  G711 law() {
    return session.options().codec();
  }

  /** Where audio goes, once known. */
  @Nullable InetSocketAddress remote() {
    return remote;
  }

  /** Starts or redirects sending as the far end's SDP says (address, law, direction). */
  void answeredWith(Sdp sdp) {
    G711 law = sdp.firstG711() == G711.PCMA.payloadType() ? G711.PCMA : G711.PCMU;
    if (law != law()) {
      int port = localPort();
      sentBefore += session.stats().packetsSent();
      session.close();
      session = open(new InetSocketAddress(bind.getAddress(), port), law);
    }
    remote = new InetSocketAddress(sdp.address(), sdp.port());
    session.connect(remote);
    hold(sdp.holds());
  }

  /** Stops or resumes sending audio (the far end put the call on hold, or took it off). */
  void hold(boolean hold) {
    held = hold;
    if (hold) {
      session.play(null);
    } else if (session.playing() == null) {
      session.play(audio.get());
    }
  }

  boolean held() {
    return held;
  }

  void press(char symbol) {
    session.sendDigit(DtmfDigit.ofSymbol(symbol));
  }

  /** Packets sent over the whole call (across a reopen) and the current session's counters. */
  long packetsSent() {
    return sentBefore + session.stats().packetsSent();
  }

  RtpSessionStats stats() {
    return session.stats();
  }

  @Override
  public void close() {
    session.close();
  }
}
