package io.tandem.sip.b2bua;

import io.tandem.core.flow.FlowRun;
import io.tandem.core.time.Scheduler;
import io.tandem.media.audio.EncodedClip;
import io.tandem.media.clock.Pacer;
import io.tandem.media.codec.G711;
import io.tandem.media.ice.IceCredentials;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.srtp.MasterKey;
import io.tandem.sip.media.HoldMusic;
import io.tandem.sip.media.IceLiteMedia;
import io.tandem.sip.media.PromptAudio;
import io.tandem.sip.media.RtpFlowMedia;
import io.tandem.sip.media.RtpPorts;
import io.tandem.sip.sdp.Answer;
import io.tandem.sip.sdp.MalformedSdpException;
import io.tandem.sip.sdp.NegotiatedMedia;
import io.tandem.sip.sdp.NotAcceptableException;
import io.tandem.sip.sdp.OfferAnswer;
import io.tandem.sip.sdp.SessionDescription;
import io.tandem.sip.sdp.SrtpMode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Opens legs on Tandem's RTP ports, with the node's prompts, music on hold and timers; an SRTP leg
 * gets a fresh master key of its own from a {@link SecureRandom}, an ICE-lite leg (media bypass)
 * fresh ICE credentials from it and its SDP the ICE-lite lines.
 */
final class RtpLegMediaFactory implements LegMediaFactory {

  private final RtpPorts ports;
  private final PromptAudio prompts;
  private final Pacer pacer;
  private final Executor loader;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Duration announcementInterval;
  private final SecureRandom keys = new SecureRandom();
  private volatile @Nullable EncodedClip musicOnHold;

  RtpLegMediaFactory(
      RtpPorts ports,
      PromptAudio prompts,
      Pacer pacer,
      Executor loader,
      Scheduler scheduler,
      Clock clock,
      Duration announcementInterval) {
    this.ports = ports;
    this.prompts = prompts;
    this.pacer = pacer;
    this.loader = loader;
    this.scheduler = scheduler;
    this.clock = clock;
    this.announcementInterval = announcementInterval;
  }

  @Override
  public LegMedia answer(String offerText, SrtpMode srtp, boolean iceLite)
      throws MediaRefusedException {
    try {
      SessionDescription offer = SessionDescription.parse(offerText);
      MasterKey key = freshKey(srtp);
      NegotiatedMedia negotiated = OfferAnswer.negotiate(offer, srtp, key);
      Optional<IceCredentials> peer = iceLite ? IceLiteMedia.peerOf(offer) : Optional.empty();
      RtpSession session = ports.open(negotiated, RtpListener.IGNORE);
      RtpLegMedia.protect(session, negotiated);
      IceLiteMedia ice = iceLite ? attachIce(session) : null;
      if (ice != null) {
        peer.ifPresent(ice.agent()::remote);
      }
      long id = sessionId();
      Answer answer =
          OfferAnswer.answer(
              offer, negotiated, ports.bindAddress(), session.localAddress().getPort(), id, 1);
      SessionDescription local =
          ice == null
              ? answer.description()
              : ice.describe(answer.description(), ports.bindAddress());
      return new RtpLegMedia(
          this,
          session,
          id,
          local.format(),
          null,
          answer.media(),
          new RtpLegMedia.LegSrtp(srtp, key),
          ice);
    } catch (MalformedSdpException malformed) {
      throw new MediaRefusedException(400, malformed.getMessage());
    } catch (NotAcceptableException unusable) {
      throw new MediaRefusedException(488, unusable.getMessage());
    } catch (IOException noPort) {
      throw new MediaRefusedException(503, "no RTP port: " + noPort.getMessage());
    }
  }

  @Override
  public LegMedia offer(SrtpMode srtp, boolean iceLite) throws MediaRefusedException {
    try {
      RtpSession session =
          ports.open(G711.PCMU, OfferAnswer.OFFERED_DTMF_PAYLOAD_TYPE, RtpListener.IGNORE);
      IceLiteMedia ice = iceLite ? attachIce(session) : null;
      long id = sessionId();
      MasterKey key = freshKey(srtp);
      SessionDescription offer =
          OfferAnswer.offer(
              ports.bindAddress(), session.localAddress().getPort(), id, 1, srtp, key);
      if (ice != null) {
        offer = ice.describe(offer, ports.bindAddress());
      }
      return new RtpLegMedia(
          this, session, id, offer.format(), offer, null, new RtpLegMedia.LegSrtp(srtp, key), ice);
    } catch (IOException noPort) {
      throw new MediaRefusedException(503, "no RTP port: " + noPort.getMessage());
    }
  }

  /**
   * The ICE-lite side of {@code session}; closes it when the bind address cannot be a candidate.
   */
  private IceLiteMedia attachIce(RtpSession session) throws MediaRefusedException {
    try {
      return IceLiteMedia.attach(session, ports.bindAddress(), keys);
    } catch (IllegalArgumentException notIpv4) {
      session.close();
      throw new MediaRefusedException(503, notIpv4.getMessage());
    }
  }

  RtpPorts ports() {
    return ports;
  }

  Pacer pacer() {
    return pacer;
  }

  RtpFlowMedia flowMedia(RtpSession session, Consumer<Consumer<FlowRun>> report) {
    return new RtpFlowMedia(session, prompts, null, loader, scheduler, clock, report);
  }

  HoldMusic holdMusic(RtpSession session) {
    EncodedClip music = musicOnHold;
    if (music == null) {
      music = new EncodedClip(prompts.musicOnHold());
      musicOnHold = music;
    }
    return HoldMusic.start(session, music, prompts, announcementInterval);
  }

  private @Nullable MasterKey freshKey(SrtpMode srtp) {
    return srtp == SrtpMode.OFF ? null : MasterKey.random(keys);
  }

  private static long sessionId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  }
}
