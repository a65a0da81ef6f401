package io.tandem.sip.b2bua;

import io.tandem.core.flow.FlowRun;
import io.tandem.core.time.Scheduler;
import io.tandem.media.audio.EncodedClip;
import io.tandem.media.clock.Pacer;
import io.tandem.media.codec.G711;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.sip.media.HoldMusic;
import io.tandem.sip.media.PromptAudio;
import io.tandem.sip.media.RtpFlowMedia;
import io.tandem.sip.media.RtpPorts;
import io.tandem.sip.sdp.Answer;
import io.tandem.sip.sdp.MalformedSdpException;
import io.tandem.sip.sdp.NegotiatedMedia;
import io.tandem.sip.sdp.NotAcceptableException;
import io.tandem.sip.sdp.OfferAnswer;
import io.tandem.sip.sdp.SessionDescription;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Opens legs on Tandem's RTP ports, with the node's prompts, music on hold and timers. */
final class RtpLegMediaFactory implements LegMediaFactory {

  private final RtpPorts ports;
  private final PromptAudio prompts;
  private final Pacer pacer;
  private final Executor loader;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Duration announcementInterval;
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
  public LegMedia answer(String offerText) throws MediaRefusedException {
    try {
      SessionDescription offer = SessionDescription.parse(offerText);
      NegotiatedMedia negotiated = OfferAnswer.negotiate(offer);
      RtpSession session = ports.open(negotiated, RtpListener.IGNORE);
      long id = sessionId();
      Answer answer =
          OfferAnswer.answer(
              offer, negotiated, ports.bindAddress(), session.localAddress().getPort(), id, 1);
      return new RtpLegMedia(this, session, id, answer.text(), null, answer.media());
    } catch (MalformedSdpException malformed) {
      throw new MediaRefusedException(400, malformed.getMessage());
    } catch (NotAcceptableException unusable) {
      throw new MediaRefusedException(488, unusable.getMessage());
    } catch (IOException noPort) {
      throw new MediaRefusedException(503, "no RTP port: " + noPort.getMessage());
    }
  }

  @Override
  public LegMedia offer() throws MediaRefusedException {
    try {
      RtpSession session =
          ports.open(G711.PCMU, OfferAnswer.OFFERED_DTMF_PAYLOAD_TYPE, RtpListener.IGNORE);
      long id = sessionId();
      SessionDescription offer =
          OfferAnswer.offer(ports.bindAddress(), session.localAddress().getPort(), id, 1);
      return new RtpLegMedia(this, session, id, offer.format(), offer, null);
    } catch (IOException noPort) {
      throw new MediaRefusedException(503, "no RTP port: " + noPort.getMessage());
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

  private static long sessionId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  }
}
