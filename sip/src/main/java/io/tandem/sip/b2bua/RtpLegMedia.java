package io.tandem.sip.b2bua;

import io.tandem.core.flow.FlowMedia;
import io.tandem.core.flow.FlowRun;
import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.audio.SequenceSource;
import io.tandem.media.audio.SilenceSource;
import io.tandem.media.bridge.RelayBridge;
import io.tandem.media.mix.Conference;
import io.tandem.media.record.MessageRecorder;
import io.tandem.media.session.RtpSession;
import io.tandem.media.srtp.MasterKey;
import io.tandem.sip.media.HoldMusic;
import io.tandem.sip.media.IceLiteMedia;
import io.tandem.sip.media.RtpFlowMedia;
import io.tandem.sip.sdp.Answer;
import io.tandem.sip.sdp.Direction;
import io.tandem.sip.sdp.MalformedSdpException;
import io.tandem.sip.sdp.NegotiatedMedia;
import io.tandem.sip.sdp.NotAcceptableException;
import io.tandem.sip.sdp.OfferAnswer;
import io.tandem.sip.sdp.SdesKeys;
import io.tandem.sip.sdp.SessionDescription;
import io.tandem.sip.sdp.SrtpMode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A leg's media on Tandem's own RTP: one {@link RtpSession}, the flow media, the hold music or
 * silence playing on it, and the relay to another leg (both legs know the relay) or the mix of a
 * conference. Under SRTP the session encrypts with the leg's own master key and decrypts with the
 * far end's from the last offer/answer; a re-offer with a new key re-keys the receiving side (RFC
 * 4568 §7.1.4), Tandem's own key stays for the call. Under media bypass the leg is an ICE-lite
 * agent ({@link IceLiteMedia}): every description it sends carries the same ICE credentials until
 * the peer restarts ICE, and media goes where the peer's nominated pair comes from.
 */
final class RtpLegMedia implements LegMedia {

  private static final System.Logger LOG = System.getLogger(RtpLegMedia.class.getName());

  /** The beep before a message is recorded: 1 kHz for 300 ms. */
  private static final PcmAudio BEEP = beep();

  private final RtpLegMediaFactory factory;
  private final long sessionId;
  private long version = 1;
  private String localSdp;
  private final @Nullable SessionDescription offerSent;
  private RtpSession session;
  private @Nullable NegotiatedMedia negotiated;
  private @Nullable RtpFlowMedia flow;
  private @Nullable HoldMusic music;
  private @Nullable RelayBridge bridge;
  private @Nullable RtpLegMedia partner;
  private final LegSrtp srtp;
  private final @Nullable IceLiteMedia ice;

  /** The leg's SRTP mode (its trunk's) and its own master key, null when the mode is off. */
  record LegSrtp(SrtpMode mode, @Nullable MasterKey local) {}

  RtpLegMedia(
      RtpLegMediaFactory factory,
      RtpSession session,
      long sessionId,
      String localSdp,
      @Nullable SessionDescription offerSent,
      @Nullable NegotiatedMedia negotiated,
      LegSrtp srtp,
      @Nullable IceLiteMedia ice) {
    this.srtp = srtp;
    this.ice = ice;
    this.factory = factory;
    this.session = session;
    this.sessionId = sessionId;
    this.localSdp = localSdp;
    this.offerSent = offerSent;
    this.negotiated = negotiated;
  }

  @Override
  public String localSdp() {
    return localSdp;
  }

  @Override
  public void answered(String sdp) throws MediaRefusedException {
    if (offerSent == null) {
      throw new IllegalStateException("this leg answered an offer; it takes no answer");
    }
    try {
      SessionDescription answer = SessionDescription.parse(sdp);
      NegotiatedMedia accepted = OfferAnswer.accepted(offerSent, answer, srtp.mode());
      if (ice != null) {
        ice.answered(answer);
      }
      session = factory.ports().adopt(session, accepted);
      if (ice != null) {
        ice.moveTo(session);
      }
      protect(session, accepted);
      negotiated = accepted;
    } catch (MalformedSdpException malformed) {
      throw new MediaRefusedException(400, malformed.getMessage());
    } catch (NotAcceptableException unusable) {
      throw new MediaRefusedException(488, unusable.getMessage());
    } catch (IOException noPort) {
      throw new MediaRefusedException(503, "no RTP port: " + noPort.getMessage());
    }
  }

  @Override
  public Reoffer reoffered(String sdp) throws MediaRefusedException {
    try {
      SessionDescription offer = SessionDescription.parse(sdp);
      NegotiatedMedia renegotiated = OfferAnswer.negotiate(offer, srtp.mode(), srtp.local());
      var running = session.options();
      int dtmf =
          renegotiated.hasTelephoneEvents()
              ? renegotiated.dtmfPayloadType()
              : running.dtmf().payloadType();
      if (renegotiated.codec() != running.codec() || dtmf != running.dtmf().payloadType()) {
        throw new MediaRefusedException(
            488, "changing the codec or telephone-event type in a call is not supported");
      }
      if (ice != null) {
        ice.offered(offer);
      }
      Answer answer =
          OfferAnswer.answer(
              offer,
              renegotiated,
              factory.ports().bindAddress(),
              session.localAddress().getPort(),
              sessionId,
              version + 1);
      version++;
      localSdp =
          ice == null
              ? answer.text()
              : ice.describe(answer.description(), factory.ports().bindAddress()).format();
      negotiated = answer.media();
      protect(session, renegotiated);
      if (renegotiated.hasRemote() && (ice == null || ice.agent().nominated().isEmpty())) {
        session.connect(renegotiated.remote());
      }
      return new Reoffer(localSdp, offer.isHold());
    } catch (MalformedSdpException malformed) {
      throw new MediaRefusedException(400, malformed.getMessage());
    } catch (NotAcceptableException unusable) {
      throw new MediaRefusedException(488, unusable.getMessage());
    }
  }

  /** Makes {@code session} send and expect what {@code settled} keyed: SRTP, or plain RTP. */
  static void protect(RtpSession session, NegotiatedMedia settled) {
    SdesKeys sdes = settled.sdes();
    session.protect(sdes == null ? null : sdes.keys());
  }

  @Override
  public long packetsReceived() {
    return session.stats().packetsReceived();
  }

  @Override
  public boolean farEndSends() {
    NegotiatedMedia current = negotiated;
    return current == null
        || current.direction() == Direction.SENDRECV
        || current.direction() == Direction.RECVONLY;
  }

  @Override
  public FlowMedia flowMedia(Consumer<Consumer<FlowRun>> report) {
    RtpFlowMedia media = factory.flowMedia(session, report);
    NegotiatedMedia current = negotiated;
    if (current != null && !current.hasTelephoneEvents()) {
      media.detectInbandTones(factory.pacer());
    }
    flow = media;
    return media;
  }

  @Override
  public void holdMusic(int position, @Nullable Duration expectedWait) {
    if (bridge != null) {
      return;
    }
    if (music == null) {
      closeFlow();
      try {
        music = factory.holdMusic(session);
      } catch (RuntimeException unavailable) {
        LOG.log(System.Logger.Level.WARNING, "no music on hold: {0}", unavailable.getMessage());
        return;
      }
    }
    music.update(position, expectedWait);
  }

  @Override
  public void silence() {
    closeFlow();
    HoldMusic playing = music;
    music = null;
    if (playing != null) {
      playing.close();
    }
    session.play(null);
  }

  @Override
  public void relayWith(LegMedia other) {
    if (!(other instanceof RtpLegMedia rtp)) {
      throw new IllegalArgumentException("can only relay to another RTP leg");
    }
    unrelay();
    rtp.unrelay();
    silence();
    rtp.silence();
    RelayBridge joined = RelayBridge.connect(session, rtp.session);
    bridge = joined;
    partner = rtp;
    rtp.bridge = joined;
    rtp.partner = this;
  }

  @Override
  public void unrelay() {
    RelayBridge joined = bridge;
    RtpLegMedia other = partner;
    bridge = null;
    partner = null;
    if (other != null) {
      other.bridge = null;
      other.partner = null;
    }
    if (joined != null) {
      joined.close();
    }
  }

  @Override
  public void quiet() {
    unrelay();
    silence();
    session.play(SilenceSource.endless());
  }

  @Override
  public Mix mix(List<LegMedia> others) {
    List<RtpLegMedia> legs = new ArrayList<>();
    legs.add(this);
    for (LegMedia other : others) {
      if (!(other instanceof RtpLegMedia rtp)) {
        throw new IllegalArgumentException("can only mix RTP legs");
      }
      legs.add(rtp);
    }
    for (RtpLegMedia leg : legs) {
      leg.unrelay();
      leg.silence();
    }
    Conference conference = Conference.start(factory.pacer());
    for (RtpLegMedia leg : legs) {
      conference.join(leg.session);
    }
    return conference::close;
  }

  @Override
  public MessageRecorder recordMessage(
      Duration maxLength, Duration silence, Consumer<MessageRecorder.Message> done) {
    unrelay();
    silence();
    session.play(new SequenceSource(List.of(ClipSource.once(BEEP), SilenceSource.endless())));
    return MessageRecorder.start(session, factory.pacer(), maxLength, silence, done);
  }

  private void closeFlow() {
    RtpFlowMedia running = flow;
    flow = null;
    if (running != null) {
      running.close();
    }
  }

  private static PcmAudio beep() {
    short[] samples = new short[FrameFormat.SAMPLE_RATE * 300 / 1000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * i / FrameFormat.SAMPLE_RATE));
    }
    return PcmAudio.narrowband(samples);
  }

  @Override
  public void close() {
    unrelay();
    silence();
    session.close();
  }
}
