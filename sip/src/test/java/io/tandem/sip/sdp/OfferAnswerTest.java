package io.tandem.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.codec.G711;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class OfferAnswerTest {

  private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();

  @Test
  void answer_sippOffer_pcmuWithoutTelephoneEvents() throws Exception {
    Answer answer =
        OfferAnswer.answer(SdpFixtures.parsed("sipp-uac-offer.sdp"), LOCAL, 20000, 7, 1);

    assertThat(answer.media())
        .isEqualTo(
            new NegotiatedMedia(
                G711.PCMU, new InetSocketAddress("127.0.0.1", 6000), -1, Direction.SENDRECV, 20));
    assertThat(answer.text())
        .isEqualTo(
            "v=0\r\n"
                + "o=tandem 7 1 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\n"
                + "m=audio 20000 RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n");
  }

  @Test
  void answer_teamsOffer_skipsSilkG722G729_takesPcmuAndTelephoneEvent() throws Exception {
    SessionDescription offer = SdpFixtures.parsed("teams-direct-routing-offer.sdp");
    NegotiatedMedia settled =
        OfferAnswer.negotiate(
            offer,
            SrtpMode.REQUIRED,
            io.tandem.media.srtp.MasterKey.random(new java.util.Random()));
    Answer answer = OfferAnswer.answer(offer, settled, LOCAL, 20002, 99, 3);

    assertThat(answer.media().codec()).isEqualTo(G711.PCMU);
    assertThat(answer.media().dtmfPayloadType()).isEqualTo(101);
    assertThat(answer.media().remote()).isEqualTo(new InetSocketAddress("52.114.7.24", 50010));
    MediaDescription audio = answer.description().audio().orElseThrow();
    assertThat(audio.formats()).containsExactly("0", "101");
    assertThat(audio.protocol()).isEqualTo("RTP/SAVP");
    assertThat(audio.fmtp("101")).contains("0-16");
    assertThat(answer.text()).doesNotContain("candidate", "ice-");
  }

  @Test
  void answer_ipv6Offer_keepsPcmaPreferenceAndDynamicTelephoneEvent_rejectsVideo()
      throws Exception {
    InetAddress local6 = InetAddress.getByName("2001:db8::1");

    Answer answer =
        OfferAnswer.answer(SdpFixtures.parsed("carrier-ipv6-pcma-offer.sdp"), local6, 20004, 5, 5);

    assertThat(answer.media())
        .isEqualTo(
            new NegotiatedMedia(
                G711.PCMA,
                new InetSocketAddress("2001:db8::30", 30000),
                96,
                Direction.SENDRECV,
                30));
    SessionDescription sdp = SessionDescription.parse(answer.text());
    assertThat(sdp.connection().text()).isEqualTo("IN IP6 2001:db8:0:0:0:0:0:1");
    assertThat(sdp.media()).hasSize(2);
    assertThat(sdp.media().get(0).formats()).containsExactly("8", "96");
    assertThat(sdp.media().get(0).fmtp("96")).contains("0-15");
    assertThat(sdp.media().get(1).media()).isEqualTo("video");
    assertThat(sdp.media().get(1).port()).isZero();
  }

  @Test
  void answer_mirrorsDirection() throws Exception {
    String offer = SdpFixtures.text("sipp-uac-offer.sdp");

    assertThat(directionAnswering(offer + "a=sendonly\r\n")).isEqualTo(Direction.RECVONLY);
    assertThat(directionAnswering(offer + "a=recvonly\r\n")).isEqualTo(Direction.SENDONLY);
    assertThat(directionAnswering(offer + "a=inactive\r\n")).isEqualTo(Direction.INACTIVE);
    assertThat(directionAnswering(offer + "a=sendrecv\r\n")).isEqualTo(Direction.SENDRECV);
  }

  @Test
  void answer_holdReinvite_isRecvonlyAndDetected() throws Exception {
    SessionDescription hold = SdpFixtures.parsed("hold-sendonly-reinvite.sdp");

    Answer answer = OfferAnswer.answer(hold, LOCAL, 20000, 7, 2);

    assertThat(hold.isHold()).isTrue();
    assertThat(answer.media().direction()).isEqualTo(Direction.RECVONLY);
    assertThat(answer.text()).contains("o=tandem 7 2 ", "a=recvonly");
  }

  @Test
  void answer_unspecifiedAddressHold_hasNoRemoteToSendTo() throws Exception {
    String offer =
        SdpFixtures.text("sipp-uac-offer.sdp").replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0");

    NegotiatedMedia media = OfferAnswer.negotiate(SessionDescription.parse(offer));

    assertThat(media.hasRemote()).isFalse();
    assertThat(media.direction()).isEqualTo(Direction.SENDRECV);
  }

  @Test
  void answer_rejectedFirstAudioStream_answersTheNextAudioAndZeroesTheFirst() throws Exception {
    String offer =
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 0 RTP/AVP 0\r\nm=audio 4002 RTP/AVP 8\r\n";

    Answer answer = OfferAnswer.answer(SessionDescription.parse(offer), LOCAL, 20000, 1, 1);

    assertThat(answer.description().media())
        .extracting(MediaDescription::port)
        .containsExactly(0, 20000);
    assertThat(answer.media().codec()).isEqualTo(G711.PCMA);
  }

  @Test
  void answer_noG711_isNotAcceptable() {
    assertThatThrownBy(
            () -> OfferAnswer.answer(SdpFixtures.parsed("g729-only-offer.sdp"), LOCAL, 20000, 1, 1))
        .isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("no PCMU or PCMA")
        .hasMessageContaining("[18, 101]");
  }

  @Test
  void answer_g711OnADynamicNumberOrStaticNumberRemapped_isNotTaken() throws Exception {
    String dynamic =
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 96 0\r\na=rtpmap:96 PCMU/8000\r\na=rtpmap:0 G729/8000\r\n";

    assertThatThrownBy(() -> OfferAnswer.negotiate(SessionDescription.parse(dynamic)))
        .isInstanceOf(NotAcceptableException.class);
  }

  @Test
  void answer_noAudioAtAll_isNotAcceptable() {
    String videoOnly =
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=video 5000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
    String audioRejected = videoOnly.replace("m=video 5000", "m=audio 0");

    assertThatThrownBy(() -> OfferAnswer.negotiate(SessionDescription.parse(videoOnly)))
        .isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("no audio stream");
    assertThatThrownBy(() -> OfferAnswer.negotiate(SessionDescription.parse(audioRejected)))
        .isInstanceOf(NotAcceptableException.class);
  }

  @Test
  void offer_isPcmuPcmaTelephoneEvent101() throws Exception {
    SessionDescription offer = OfferAnswer.offer(LOCAL, 20010, 11, 1);

    assertThat(offer.format())
        .isEqualTo(
            "v=0\r\n"
                + "o=tandem 11 1 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\n"
                + "m=audio 20010 RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n");
    assertThat(SessionDescription.parse(offer.format())).isEqualTo(offer);
  }

  @Test
  void offerAnsweredByOurselves_roundTrips() throws Exception {
    SessionDescription offer = OfferAnswer.offer(LOCAL, 20010, 11, 1);
    Answer answer = OfferAnswer.answer(offer, LOCAL, 20020, 12, 1);

    NegotiatedMedia accepted = OfferAnswer.accepted(offer, SessionDescription.parse(answer.text()));

    assertThat(accepted)
        .isEqualTo(
            new NegotiatedMedia(
                G711.PCMU, new InetSocketAddress(LOCAL, 20020), 101, Direction.SENDRECV, 20));
  }

  @Test
  void accepted_teamsStyleAnswer_pcmaWithItsOwnTelephoneEventNumber() throws Exception {
    SessionDescription offer = OfferAnswer.offer(LOCAL, 20010, 11, 1);
    String answer =
        "v=0\r\no=- 0 1 IN IP4 52.114.7.24\r\ns=session\r\nc=IN IP4 52.114.7.24\r\nt=0 0\r\n"
            + "m=audio 51000 RTP/AVP 8 97\r\na=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:97 telephone-event/8000\r\na=recvonly\r\n";

    NegotiatedMedia accepted = OfferAnswer.accepted(offer, SessionDescription.parse(answer));

    assertThat(accepted.codec()).isEqualTo(G711.PCMA);
    assertThat(accepted.dtmfPayloadType()).isEqualTo(97);
    assertThat(accepted.direction()).isEqualTo(Direction.SENDONLY);
    assertThat(accepted.remote()).isEqualTo(new InetSocketAddress("52.114.7.24", 51000));
  }

  @Test
  void accepted_rejectedStreamOrUnofferedCodec_isNotAcceptable() throws Exception {
    SessionDescription offer = OfferAnswer.offer(LOCAL, 20010, 11, 1);
    String head = "v=0\r\no=- 0 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n";

    assertThatThrownBy(
            () ->
                OfferAnswer.accepted(
                    offer, SessionDescription.parse(head + "m=audio 0 RTP/AVP 0\r\n")))
        .isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("rejects the audio stream");
    assertThatThrownBy(
            () ->
                OfferAnswer.accepted(
                    offer, SessionDescription.parse(head + "m=audio 5000 RTP/AVP 18\r\n")))
        .isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("no offered G.711");
    assertThatThrownBy(() -> OfferAnswer.accepted(offer, SessionDescription.parse(head)))
        .isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("m= lines");
  }

  private static Direction directionAnswering(String offer) throws Exception {
    Answer answer = OfferAnswer.answer(SessionDescription.parse(offer), LOCAL, 20000, 1, 1);
    assertThat(
            SessionDescription.parse(answer.text())
                .directionOf(answer.description().media().get(0)))
        .isEqualTo(answer.media().direction());
    return answer.media().direction();
  }
}
