package io.tandem.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.ice.IceCredentials;
import io.tandem.media.srtp.MasterKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IceSdpTest {

  private static final IceCredentials OURS =
      new IceCredentials("Tnd3m1ce", "AbCdEfGhIjKlMnOpQrStUv+/");

  @Test
  void teamsOffer_givesItsUfragAndPwd() throws Exception {
    SessionDescription offer = SdpFixtures.parsed("teams-direct-routing-offer.sdp");

    assertThat(IceSdp.remoteCredentials(offer))
        .contains(new IceCredentials("Ya1b", "dY+hH0fLZPnWRLf5kq2nfgzy"));
    assertThat(IceSdp.isLite(offer)).isFalse();
  }

  @Test
  void offerWithoutIce_givesNothing() throws Exception {
    assertThat(IceSdp.remoteCredentials(SdpFixtures.parsed("sipp-uac-offer.sdp"))).isEmpty();
  }

  @Test
  void sessionLevelCredentials_areUsedWhenTheStreamHasNone() throws Exception {
    SessionDescription offer =
        SessionDescription.parse(
            """
            v=0
            o=- 1 1 IN IP4 10.0.0.1
            s=-
            c=IN IP4 10.0.0.1
            t=0 0
            a=ice-ufrag:abcd
            a=ice-pwd:0123456789012345678901
            m=audio 4000 RTP/AVP 0
            """);

    assertThat(IceSdp.remoteCredentials(offer))
        .contains(new IceCredentials("abcd", "0123456789012345678901"));
  }

  @Test
  void ufragWithoutPwd_orBadCharacters_isMalformed() throws Exception {
    SessionDescription lonely =
        SessionDescription.parse(
            "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\na=ice-ufrag:abcd\r\n");
    SessionDescription shortPwd =
        SessionDescription.parse(
            "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\na=ice-ufrag:abcd\r\na=ice-pwd:short\r\n");
    SessionDescription badChars =
        SessionDescription.parse(
            "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\na=ice-ufrag:ab;d\r\n"
                + "a=ice-pwd:0123456789012345678901\r\n");

    assertThatThrownBy(() -> IceSdp.remoteCredentials(lonely))
        .isInstanceOf(MalformedSdpException.class);
    assertThatThrownBy(() -> IceSdp.remoteCredentials(shortPwd))
        .isInstanceOf(MalformedSdpException.class);
    assertThatThrownBy(() -> IceSdp.remoteCredentials(badChars))
        .isInstanceOf(MalformedSdpException.class);
  }

  @Test
  void tandemsOffer_withIceLite_carriesTheLiteAttributesAndOneHostCandidate() throws Exception {
    SessionDescription offer =
        OfferAnswer.offer(
            InetAddress.getByName("203.0.113.5"),
            20002,
            7,
            1,
            SrtpMode.REQUIRED,
            MasterKey.random(new Random(1)));

    String text =
        IceSdp.withIceLite(offer, OURS, new InetSocketAddress("203.0.113.5", 20002)).format();

    assertThat(text)
        .contains("t=0 0\r\na=ice-lite\r\nm=audio 20002 RTP/SAVP 0 8 101\r\n")
        .contains("a=ice-ufrag:Tnd3m1ce\r\n")
        .contains("a=ice-pwd:AbCdEfGhIjKlMnOpQrStUv+/\r\n")
        .contains("a=candidate:1 1 UDP 2130706431 203.0.113.5 20002 typ host\r\n")
        .contains("a=rtcp-mux\r\n")
        .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:");
    SessionDescription reread = SessionDescription.parse(text);
    assertThat(IceSdp.isLite(reread)).isTrue();
    assertThat(IceSdp.candidates(reread)).hasSize(1);
    assertThat(IceSdp.remoteCredentials(reread)).contains(OURS);
  }

  @Test
  void answerToTeams_withIceLite_replacesNothingButIceLines_andKeepsOneCandidate()
      throws Exception {
    SessionDescription offer = SdpFixtures.parsed("teams-direct-routing-offer.sdp");
    Answer answer =
        OfferAnswer.answer(
            offer,
            OfferAnswer.negotiate(offer, SrtpMode.REQUIRED, MasterKey.random(new Random(2))),
            InetAddress.getByName("203.0.113.5"),
            20004,
            9,
            1);

    SessionDescription withIce =
        IceSdp.withIceLite(
            IceSdp.withIceLite(
                answer.description(), OURS, new InetSocketAddress("203.0.113.5", 20004)),
            OURS,
            new InetSocketAddress("203.0.113.5", 20004));

    assertThat(IceSdp.candidates(withIce))
        .containsExactly("1 1 UDP 2130706431 203.0.113.5 20004 typ host");
    assertThat(withIce.attributes()).containsExactly(Attribute.property("ice-lite"));
    assertThat(withIce.audio().orElseThrow().attribute("crypto")).isPresent();
  }

  @Test
  void ipv6Candidate_isRefused() {
    SessionDescription offer = OfferAnswer.offer(InetAddress.getLoopbackAddress(), 20002, 7, 1);

    assertThatThrownBy(() -> IceSdp.withIceLite(offer, OURS, new InetSocketAddress("::1", 20002)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hostPriority_isTheRfcFormula() {
    assertThat(IceSdp.HOST_PRIORITY).isEqualTo(2130706431L);
  }
}
