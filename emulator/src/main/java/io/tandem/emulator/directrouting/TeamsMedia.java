package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.media.srtp.SrtpKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The Teams side's media endpoint of one SIP leg (the Media Processor the SBC talks to): its RTP
 * leg and the SDP it writes for that leg — the answer to an SBC's offer, its own offer for a Teams
 * → SBC INVITE or re-INVITE, and the answer to a hold or resume — with the session version bumped
 * at every change. Media is SRTP keyed by SDES ({@link TeamsSrtp}) whenever the SBC sends a usable
 * crypto line; the endpoint's own offers carry one when the settings require SRTP. Under media
 * bypass ({@link #runIce}) an ICE-lite SBC offer is answered with the client's ICE lines, and
 * {@link #connect} sends media only once {@link TeamsMediaIce} nominated the SBC's candidate.
 * Confined to the call's serial executor.
 */
final class TeamsMedia {

  private final String address;
  private final MediaLeg leg;
  private final TeamsSrtp srtp = new TeamsSrtp();
  private long version = 1;
  private int payloadType = 0;
  private boolean secure;
  private @Nullable TeamsMediaIce ice;
  private TeamsMediaIce.@Nullable SbcIce sbcIce;
  private Consumer<String> iceFailed = reason -> {};
  private BiConsumer<String, Map<String, String>> iceJournal = (kind, attributes) -> {};

  TeamsMedia(String address, MediaLeg leg, boolean requireSrtp) {
    this.address = address;
    this.leg = leg;
    this.secure = requireSrtp;
  }

  /** A new endpoint playing the configured Teams audio. */
  static TeamsMedia open(CallServices services) {
    return new TeamsMedia(
        services.node.get().bindAddress(),
        services.media.open(services.settings.teamsAudio()),
        services.settings.requireSrtp());
  }

  /**
   * Runs ICE as the Teams client does under media bypass, when {@code services}' settings say so:
   * {@code journal} hears its outcome, {@code failed} the reason it failed (then no media flows).
   */
  void runIce(
      CallServices services,
      String callId,
      BiConsumer<String, Map<String, String>> journal,
      Consumer<String> failed) {
    if (!services.settings.mediaBypass()) {
      return;
    }
    ice =
        new TeamsMediaIce(leg, services.scheduler, task -> services.onCall(callId, task), journal);
    iceFailed = failed;
    iceJournal = journal;
  }

  /** The client's ICE agent, if it runs ICE. */
  @Nullable TeamsMediaIce ice() {
    return ice;
  }

  /** The answer to the SBC's {@code offer}: its first G.711 codec, sendrecv, its SRTP keyed. */
  byte[] answer(Sdp offer) {
    if (ice != null && sbcIce == null) {
      sbcIce = TeamsMediaIce.SbcIce.of(offer).filter(TeamsMediaIce.SbcIce::lite).orElse(null);
    }
    payloadType = offer.firstG711() < 0 ? 0 : offer.firstG711();
    key(offer);
    return write(List.of(payloadType), "sendrecv");
  }

  /** Whether the leg's media is SRTP now. */
  boolean secure() {
    return secure && srtp.active();
  }

  /** An offer of PCMU and PCMA (Teams → SBC INVITE). */
  byte[] offer() {
    return write(List.of(0, 8), "sendrecv");
  }

  /** A new offer for a re-INVITE the Teams side sends (a new session version, same codec). */
  byte[] reOffer() {
    version++;
    return write(List.of(payloadType), "sendrecv");
  }

  /**
   * Starts sending to the address and codec of {@code remote}, keyed by its crypto line; under
   * media bypass with an ICE-lite SBC only once ICE nominated its candidate (media then goes
   * there).
   */
  void connect(Sdp remote) {
    if (remote.firstG711() >= 0) {
      payloadType = remote.firstG711();
    }
    key(remote);
    TeamsMediaIce agent = ice;
    TeamsMediaIce.SbcIce sbc = sbcIce;
    if (agent == null || sbc == null || agent.state() == TeamsMediaIce.State.CONNECTED) {
      leg.connect(remote.address(), remote.port(), payloadType, remote.telephoneEvent());
      return;
    }
    int events = remote.telephoneEvent();
    agent.start(
        sbc,
        () ->
            leg.connect(
                sbc.candidate().getHostString(), sbc.candidate().getPort(), payloadType, events),
        iceFailed);
  }

  /**
   * Holds or resumes as the SBC's re-INVITE {@code offered} says and returns the answer: {@code
   * recvonly}/{@code inactive} for a hold, {@code sendrecv} for a resume.
   */
  byte[] update(Sdp offered) {
    boolean held = offered.holds();
    key(offered);
    leg.hold(held);
    if (!held) {
      connect(offered);
    }
    version++;
    return write(
        List.of(offered.firstG711() < 0 ? payloadType : offered.firstG711()),
        offered.answerDirection());
  }

  /**
   * Answers the SBC's re-INVITE with {@code headers}: a hold or resume as its SDP says ({@code
   * changed} hears the offer first), the current SDP when it has none.
   */
  void answerReInvite(IncomingRequest request, List<SipHeader> headers, Consumer<Sdp> changed) {
    Sdp offered = Sdp.parseOrNull(request.bodyText());
    if (offered != null) {
      changed.accept(offered);
    }
    byte[] answer = offered == null ? current() : update(offered);
    request.respond(200, "OK", null, headers, answer, "application/sdp");
  }

  /** The current SDP, unchanged (answer to a re-INVITE without an offer). */
  byte[] current() {
    return write(List.of(payloadType), "sendrecv");
  }

  MediaLeg leg() {
    return leg;
  }

  /** Ends the media; after ICE ran, journals what arrived ({@code media.received}). */
  void close() {
    if (ice != null) {
      ice.close();
      iceJournal.accept(
          "media.received",
          Map.of(
              "packets",
              Long.toString(leg.packetsReceived()),
              "srtpRejected",
              Long.toString(leg.srtpRejected())));
    }
    leg.close();
  }

  /** Takes the SBC's key from {@code sdp}: SRTP with it, or plain RTP when it sends none. */
  private void key(Sdp sdp) {
    secure = srtp.take(sdp).map(keys -> protect(keys)).orElseGet(() -> protect(null));
  }

  private boolean protect(@Nullable SrtpKeys keys) {
    leg.protect(keys);
    return keys != null;
  }

  private byte[] write(List<Integer> payloads, String direction) {
    String sdp =
        Sdp.write(
            address, leg.localPort(), version, payloads, direction, secure ? srtp.line() : null);
    TeamsMediaIce agent = ice;
    if (agent != null && sbcIce != null) {
      sdp += agent.sdpLines(address);
    }
    return sdp.getBytes(StandardCharsets.US_ASCII);
  }
}
