package io.tandem.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpSuite;
import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SDES (RFC 4568) in Tandem's offers and answers, per trunk {@link SrtpMode}. */
class SdesOfferAnswerTest {

  private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
  private static final String MICROSOFT_KEY = "V/Lr6Lsvhad/crSB9kCQ28jrYDxR2Yfk5bXryH5V";

  private final MasterKey ours = MasterKey.random(new Random(3));

  @Test
  void required_teamsOffer_takesTheFirstUsableLine_answersItsTagWithOurKey() throws Exception {
    SessionDescription offer = SdpFixtures.parsed("teams-direct-routing-offer.sdp");

    NegotiatedMedia settled = OfferAnswer.negotiate(offer, SrtpMode.REQUIRED, ours);
    Answer answer = OfferAnswer.answer(offer, settled, LOCAL, 20002, 9, 1);

    SdesKeys sdes = settled.sdes();
    assertThat(sdes).isNotNull();
    assertThat(sdes.tag()).isEqualTo(2);
    assertThat(sdes.keys().suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
    assertThat(sdes.keys().local()).isEqualTo(ours);
    assertThat(sdes.keys().remote())
        .isEqualTo(MasterKey.fromBase64("ooZ3mW0Qm7V1dj1Q8XJmZbCyzNAVUr9bcaR5RkJZ"));
    assertThat(sdes.keys().remoteMkiLength()).isEqualTo(1);
    assertThat(answer.text())
        .contains("m=audio 20002 RTP/SAVP 0 101\r\n")
        .contains("a=crypto:2 AES_CM_128_HMAC_SHA1_80 inline:" + ours.base64() + "\r\n");
    assertThat(answer.description().audio().orElseThrow().attributes())
        .filteredOn(a -> a.name().equals("crypto"))
        .hasSize(1);
  }

  @Test
  void required_plainOffer_isNotAcceptable() throws Exception {
    SessionDescription offer = SdpFixtures.parsed("sipp-uac-offer.sdp");

    assertThatThrownBy(() -> OfferAnswer.negotiate(offer, SrtpMode.REQUIRED, ours))
        .isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("SRTP is required")
        .hasMessageContaining("RTP/AVP");
  }

  @Test
  void required_savpOfferWithOnlyUnusableLines_isNotAcceptable() throws Exception {
    SessionDescription offer =
        offerWith(
            "RTP/SAVP",
            "1 AEAD_AES_256_GCM inline:" + MICROSOFT_KEY,
            "2 AES_CM_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY + " UNENCRYPTED_SRTP",
            "3 AES_CM_128_HMAC_SHA1_80 inline:AAAA",
            "4 AES_CM_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY + "|2^31|1:4|extra",
            "5 AES_CM_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY + ";inline:" + MICROSOFT_KEY);

    assertThatThrownBy(() -> OfferAnswer.negotiate(offer, SrtpMode.REQUIRED, ours))
        .isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("no usable a=crypto");
  }

  @Test
  void required_microsoftsExampleLine_isTaken_32BitSuiteToo() throws Exception {
    NegotiatedMedia eighty =
        OfferAnswer.negotiate(
            offerWith("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY + "|2^31"),
            SrtpMode.REQUIRED,
            ours);
    NegotiatedMedia thirtyTwo =
        OfferAnswer.negotiate(
            offerWith("RTP/SAVP", "7 AES_CM_128_HMAC_SHA1_32 inline:" + MICROSOFT_KEY),
            SrtpMode.REQUIRED,
            ours);

    assertThat(eighty.sdes().keys().remote()).isEqualTo(MasterKey.fromBase64(MICROSOFT_KEY));
    assertThat(thirtyTwo.sdes().tag()).isEqualTo(7);
    assertThat(thirtyTwo.sdes().keys().suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
  }

  @Test
  void off_savpOffer_isNotAcceptable_plainOfferWithCryptoIsAnsweredPlain() throws Exception {
    assertThatThrownBy(
            () ->
                OfferAnswer.negotiate(
                    SdpFixtures.parsed("teams-direct-routing-offer.sdp"), SrtpMode.OFF, null))
        .isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("SRTP is off");

    SessionDescription bestEffort =
        offerWith("RTP/AVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY);
    NegotiatedMedia settled = OfferAnswer.negotiate(bestEffort, SrtpMode.OFF, null);
    Answer answer = OfferAnswer.answer(bestEffort, settled, LOCAL, 20000, 1, 1);
    assertThat(settled.isSecure()).isFalse();
    assertThat(answer.text()).contains("RTP/AVP").doesNotContain("crypto");
  }

  @Test
  void optional_takesSrtpWhenOffered_evenOnAvp_andPlainOtherwise() throws Exception {
    SessionDescription bestEffort =
        offerWith("RTP/AVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY);
    NegotiatedMedia secure = OfferAnswer.negotiate(bestEffort, SrtpMode.OPTIONAL, ours);
    NegotiatedMedia plain =
        OfferAnswer.negotiate(SdpFixtures.parsed("sipp-uac-offer.sdp"), SrtpMode.OPTIONAL, ours);

    assertThat(secure.isSecure()).isTrue();
    assertThat(OfferAnswer.answer(bestEffort, secure, LOCAL, 20000, 1, 1).text())
        .contains("m=audio 20000 RTP/AVP 0")
        .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + ours.base64());
    assertThat(plain.isSecure()).isFalse();
    assertThatThrownBy(
            () ->
                OfferAnswer.negotiate(
                    offerWith("RTP/SAVP", "1 F8_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY),
                    SrtpMode.OPTIONAL,
                    ours))
        .isInstanceOf(NotAcceptableException.class);
  }

  @Test
  void offer_requiredIsSavpWithOneLine_optionalIsAvpWithTheLine_offIsPlain() {
    String required = OfferAnswer.offer(LOCAL, 20000, 1, 1, SrtpMode.REQUIRED, ours).format();
    String optional = OfferAnswer.offer(LOCAL, 20000, 1, 1, SrtpMode.OPTIONAL, ours).format();
    String off = OfferAnswer.offer(LOCAL, 20000, 1, 1, SrtpMode.OFF, null).format();

    String line = "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + ours.base64() + "\r\n";
    assertThat(required).contains("m=audio 20000 RTP/SAVP 0 8 101\r\n").contains(line);
    assertThat(optional).contains("m=audio 20000 RTP/AVP 0 8 101\r\n").contains(line);
    assertThat(off).contains("m=audio 20000 RTP/AVP 0 8 101\r\n").doesNotContain("crypto");
  }

  @Test
  void accepted_answerEchoingOurTag_givesBothKeys() throws Exception {
    SessionDescription offer = OfferAnswer.offer(LOCAL, 20000, 1, 1, SrtpMode.REQUIRED, ours);

    NegotiatedMedia settled =
        OfferAnswer.accepted(
            offer,
            offerWith("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY),
            SrtpMode.REQUIRED);

    assertThat(settled.sdes().keys().local()).isEqualTo(ours);
    assertThat(settled.sdes().keys().remote()).isEqualTo(MasterKey.fromBase64(MICROSOFT_KEY));
  }

  @Test
  void accepted_requiredOfferAnsweredPlainOrWithAnotherTag_isNotAcceptable() throws Exception {
    SessionDescription offer = OfferAnswer.offer(LOCAL, 20000, 1, 1, SrtpMode.REQUIRED, ours);

    assertThatThrownBy(
            () ->
                OfferAnswer.accepted(
                    offer, SdpFixtures.parsed("sipp-uac-offer.sdp"), SrtpMode.REQUIRED))
        .isInstanceOf(NotAcceptableException.class)
        .hasMessageContaining("no a=crypto with tag 1");
    assertThatThrownBy(
            () ->
                OfferAnswer.accepted(
                    offer,
                    offerWith("RTP/SAVP", "2 AES_CM_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY),
                    SrtpMode.REQUIRED))
        .isInstanceOf(NotAcceptableException.class);
  }

  @Test
  void accepted_optionalOfferAnsweredPlain_isPlain_plainOfferAnsweredSrtp_isNotAcceptable()
      throws Exception {
    SessionDescription optional = OfferAnswer.offer(LOCAL, 20000, 1, 1, SrtpMode.OPTIONAL, ours);
    SessionDescription plain = OfferAnswer.offer(LOCAL, 20000, 1, 1, SrtpMode.OFF, null);

    assertThat(
            OfferAnswer.accepted(
                    optional, SdpFixtures.parsed("sipp-uac-offer.sdp"), SrtpMode.OPTIONAL)
                .isSecure())
        .isFalse();
    assertThatThrownBy(
            () ->
                OfferAnswer.accepted(
                    plain,
                    offerWith("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + MICROSOFT_KEY),
                    SrtpMode.OFF))
        .isInstanceOf(NotAcceptableException.class);
  }

  @Test
  void srtpMode_parsesTheConfigurationWords() {
    assertThat(SrtpMode.parse("required")).isEqualTo(SrtpMode.REQUIRED);
    assertThat(SrtpMode.parse(" Optional ")).isEqualTo(SrtpMode.OPTIONAL);
    assertThat(SrtpMode.parse("off")).isEqualTo(SrtpMode.OFF);
    assertThatThrownBy(() -> SrtpMode.parse("sometimes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("required, optional or off");
  }

  private static SessionDescription offerWith(String profile, String... cryptoLines)
      throws MalformedSdpException {
    StringBuilder text =
        new StringBuilder(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n"
                + "m=audio 40000 "
                + profile
                + " 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n");
    for (String line : List.of(cryptoLines)) {
      text.append("a=crypto:").append(line).append("\r\n");
    }
    return SessionDescription.parse(text.toString());
  }
}
