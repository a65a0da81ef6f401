package io.tandem.sip.sdp;

import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.TelephoneEvent;
import io.tandem.media.srtp.MasterKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The offer/answer model (RFC 3264) for Tandem's G.711 calls.
 *
 * <p>Answering: the first audio stream with a port takes the first format of the offer's order that
 * is PCMU (static 0) or PCMA (static 8), named by static number or by an {@code a=rtpmap} on that
 * number (G.711 on a dynamic number is not taken: Tandem's media sends the static numbers). The
 * offer's {@code telephone-event/8000} payload type, whatever its number, is kept with its {@code
 * a=fmtp}. The direction is mirrored. Every other stream, and every stream offered with port 0, is
 * answered with port 0. SRTP is keyed by SDES as the leg's {@link SrtpMode} allows ({@link Sdes}):
 * an SRTP answer keeps the offer's profile and echoes the chosen crypto line's tag and suite with
 * Tandem's own key; a plain answer's profile is {@code RTP/AVP}. ICE is not spoken: {@code
 * a=candidate} is ignored.
 */
public final class OfferAnswer {

  /** The telephone-event payload type Tandem offers. */
  public static final int OFFERED_DTMF_PAYLOAD_TYPE = TelephoneEvent.DEFAULT_PAYLOAD_TYPE;

  private static final String PLAIN_PROFILE = "RTP/AVP";
  private static final String TELEPHONE_EVENT = "telephone-event";

  private OfferAnswer() {}

  /** {@link #negotiate(SessionDescription, SrtpMode, MasterKey)} for plain RTP only. */
  public static NegotiatedMedia negotiate(SessionDescription offer) throws NotAcceptableException {
    return negotiate(offer, SrtpMode.OFF, null);
  }

  /**
   * What answering {@code offer} settles, without the answer text: for opening the RTP session
   * before the local port is known. Under SRTP Tandem sends with {@code localKey}.
   *
   * @throws NotAcceptableException when the offer has no audio stream with a port, or none with
   *     PCMU or PCMA, or {@code mode} refuses its SRTP or plain RTP
   */
  public static NegotiatedMedia negotiate(
      SessionDescription offer, SrtpMode mode, @Nullable MasterKey localKey)
      throws NotAcceptableException {
    MediaDescription audio = audioOf(offer, "offer");
    SdesKeys sdes = Sdes.answering(audio, mode, localKey);
    G711 codec =
        codecOf(audio)
            .orElseThrow(
                () ->
                    new NotAcceptableException(
                        "no PCMU or PCMA offered in m=audio with formats " + audio.formats()));
    Connection far = offer.connectionOf(audio);
    return new NegotiatedMedia(
        codec,
        new InetSocketAddress(far.address(), audio.port()),
        telephoneEventOf(audio).orElse(-1),
        offer.directionOf(audio).answer(),
        audio.ptime().orElse(NegotiatedMedia.DEFAULT_PTIME),
        sdes);
  }

  /**
   * Tandem's answer to {@code offer}, receiving at {@code localAddress}:{@code localRtpPort}.
   *
   * @param sessionId the {@code o=} session id Tandem uses on this leg
   * @param version the {@code o=} version, increased with each new answer on the leg
   * @throws NotAcceptableException as {@link #negotiate}
   */
  public static Answer answer(
      SessionDescription offer,
      InetAddress localAddress,
      int localRtpPort,
      long sessionId,
      long version)
      throws NotAcceptableException {
    return answer(offer, negotiate(offer), localAddress, localRtpPort, sessionId, version);
  }

  /**
   * Like {@link #answer(SessionDescription, InetAddress, int, long, long)}, with the offer already
   * {@linkplain #negotiate negotiated} as {@code settled} (not negotiated twice).
   */
  public static Answer answer(
      SessionDescription offer,
      NegotiatedMedia settled,
      InetAddress localAddress,
      int localRtpPort,
      long sessionId,
      long version)
      throws NotAcceptableException {
    MediaDescription chosen = audioOf(offer, "offer");
    List<MediaDescription> streams = new ArrayList<>();
    for (MediaDescription stream : offer.media()) {
      streams.add(stream == chosen ? answered(stream, settled, localRtpPort) : stream.rejected());
    }
    Connection local = new Connection(localAddress);
    SessionDescription answer =
        new SessionDescription(
            Origin.of(sessionId, version, local), "-", local, List.of(), "0 0", List.of(), streams);
    return new Answer(answer, settled);
  }

  /**
   * Tandem's plain RTP offer ({@link #offer(InetAddress, int, long, long, SrtpMode, MasterKey)}).
   */
  public static SessionDescription offer(
      InetAddress localAddress, int port, long sessionId, long version) {
    return offer(localAddress, port, sessionId, version, SrtpMode.OFF, null);
  }

  /**
   * Tandem's offer for a call it places (the agent leg): PCMU 0, PCMA 8, telephone-event 101
   * ({@code 0-16}), ptime 20, sendrecv, receiving at {@code localAddress}:{@code port}; under
   * {@code mode} required {@code RTP/SAVP} with {@code a=crypto:1 AES_CM_128_HMAC_SHA1_80
   * inline:<localKey>}, optional the same line on {@code RTP/AVP}, off plain {@code RTP/AVP}.
   */
  public static SessionDescription offer(
      InetAddress localAddress,
      int port,
      long sessionId,
      long version,
      SrtpMode mode,
      @Nullable MasterKey localKey) {
    Connection local = new Connection(localAddress);
    String dtmf = Integer.toString(OFFERED_DTMF_PAYLOAD_TYPE);
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(Attribute.of("rtpmap", "0 PCMU/8000"));
    attributes.add(Attribute.of("rtpmap", "8 PCMA/8000"));
    attributes.add(Attribute.of("rtpmap", dtmf + " telephone-event/8000"));
    attributes.add(Attribute.of("fmtp", dtmf + " 0-16"));
    attributes.add(Attribute.of("ptime", Integer.toString(NegotiatedMedia.DEFAULT_PTIME)));
    attributes.add(Attribute.property(Direction.SENDRECV.attribute()));
    attributes.addAll(Sdes.offeredCrypto(mode, mode == SrtpMode.OFF ? null : requireKey(localKey)));
    MediaDescription audio =
        new MediaDescription(
            "audio",
            port,
            1,
            Sdes.offeredProfile(mode),
            List.of("0", "8", dtmf),
            null,
            List.of(),
            attributes);
    return new SessionDescription(
        Origin.of(sessionId, version, local),
        "-",
        local,
        List.of(),
        "0 0",
        List.of(),
        List.of(audio));
  }

  /**
   * What the answer to a plain RTP offer settled ({@link #accepted(SessionDescription,
   * SessionDescription, SrtpMode)}).
   */
  public static NegotiatedMedia accepted(
      SessionDescription offerWeSent, SessionDescription answerReceived)
      throws NotAcceptableException {
    return accepted(offerWeSent, answerReceived, SrtpMode.OFF);
  }

  /**
   * What the far end's answer to {@code offerWeSent} (made under {@code mode}) settled.
   *
   * @throws NotAcceptableException when the answer rejects the audio stream (port 0, or missing),
   *     picks no G.711 law Tandem offered, or lacks the crypto line SRTP {@code required} needs
   */
  public static NegotiatedMedia accepted(
      SessionDescription offerWeSent, SessionDescription answerReceived, SrtpMode mode)
      throws NotAcceptableException {
    MediaDescription ours = audioOf(offerWeSent, "our offer");
    int index = offerWeSent.media().indexOf(ours);
    if (index >= answerReceived.media().size()) {
      throw new NotAcceptableException(
          "the answer has "
              + answerReceived.media().size()
              + " m= lines, our offer "
              + offerWeSent.media().size());
    }
    MediaDescription answered = answerReceived.media().get(index);
    if (!answered.isAudio() || answered.port() == 0) {
      throw new NotAcceptableException(
          "the answer rejects the audio stream: m=" + answered.media() + " " + answered.port());
    }
    Optional<G711> codec = codecOf(answered).filter(c -> codecOf(ours, c));
    if (codec.isEmpty()) {
      throw new NotAcceptableException(
          "the answer picks no offered G.711 law: " + answered.formats());
    }
    Connection far = answerReceived.connectionOf(answered);
    return new NegotiatedMedia(
        codec.get(),
        new InetSocketAddress(far.address(), answered.port()),
        telephoneEventOf(ours).isPresent() ? telephoneEventOf(answered).orElse(-1) : -1,
        answerReceived.directionOf(answered).answer(),
        answered.ptime().orElse(NegotiatedMedia.DEFAULT_PTIME),
        Sdes.accepted(ours, answered, mode == SrtpMode.REQUIRED));
  }

  private static MediaDescription audioOf(SessionDescription description, String what)
      throws NotAcceptableException {
    return description
        .audio()
        .orElseThrow(() -> new NotAcceptableException(what + " has no audio stream with a port"));
  }

  private static MediaDescription answered(
      MediaDescription offered, NegotiatedMedia settled, int localRtpPort) {
    G711 codec = settled.codec();
    List<String> formats = new ArrayList<>(List.of(Integer.toString(codec.payloadType())));
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(Attribute.of("rtpmap", codec.payloadType() + " " + codec.name() + "/8000"));
    if (settled.hasTelephoneEvents()) {
      String dtmf = Integer.toString(settled.dtmfPayloadType());
      formats.add(dtmf);
      attributes.add(Attribute.of("rtpmap", dtmf + " telephone-event/8000"));
      offered
          .fmtp(dtmf)
          .ifPresent(events -> attributes.add(Attribute.of("fmtp", dtmf + " " + events)));
    }
    attributes.add(Attribute.of("ptime", Integer.toString(NegotiatedMedia.DEFAULT_PTIME)));
    attributes.add(Attribute.property(settled.direction().attribute()));
    SdesKeys sdes = settled.sdes();
    if (sdes != null) {
      attributes.add(Sdes.answerCrypto(sdes));
    }
    String profile = sdes == null ? PLAIN_PROFILE : offered.protocol();
    return new MediaDescription(
        "audio", localRtpPort, 1, profile, formats, null, List.of(), attributes);
  }

  static MasterKey requireKey(@Nullable MasterKey localKey) {
    if (localKey == null) {
      throw new IllegalArgumentException("SRTP needs Tandem's own master key");
    }
    return localKey;
  }

  /** The first format of {@code stream} that is static PCMU or PCMA. */
  private static Optional<G711> codecOf(MediaDescription stream) {
    for (String format : stream.formats()) {
      Optional<G711> codec = g711(stream, format);
      if (codec.isPresent()) {
        return codec;
      }
    }
    return Optional.empty();
  }

  private static boolean codecOf(MediaDescription stream, G711 codec) {
    return stream.formats().stream().anyMatch(f -> g711(stream, f).equals(Optional.of(codec)));
  }

  private static Optional<G711> g711(MediaDescription stream, String format) {
    for (G711 codec : G711.values()) {
      if (format.equals(Integer.toString(codec.payloadType()))
          && stream
              .rtpmap(format)
              .filter(map -> map.is(codec.name(), G711.SAMPLE_RATE))
              .isPresent()) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }

  private static OptionalInt telephoneEventOf(MediaDescription stream) {
    for (String format : stream.formats()) {
      if (stream.rtpmap(format).filter(map -> map.is(TELEPHONE_EVENT, 8000)).isPresent()) {
        return OptionalInt.of(Integer.parseInt(format));
      }
    }
    return OptionalInt.empty();
  }
}
