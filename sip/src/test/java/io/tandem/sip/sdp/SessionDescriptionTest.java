package io.tandem.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDescriptionTest {

  @Test
  void parse_sippDefaultOffer_readsEveryField() throws Exception {
    SessionDescription sdp = SdpFixtures.parsed("sipp-uac-offer.sdp");

    assertThat(sdp.origin())
        .isEqualTo(new Origin("user1", "53655765", "2353687637", "IP4", "127.0.0.1"));
    assertThat(sdp.sessionName()).isEqualTo("-");
    assertThat(sdp.connection()).isEqualTo(new Connection(InetAddress.getByName("127.0.0.1")));
    assertThat(sdp.timing()).isEqualTo("0 0");
    MediaDescription audio = sdp.audio().orElseThrow();
    assertThat(audio.port()).isEqualTo(6000);
    assertThat(audio.protocol()).isEqualTo("RTP/AVP");
    assertThat(audio.formats()).containsExactly("0");
    assertThat(audio.rtpmap("0")).contains(new RtpMap(0, "PCMU", 8000, 1));
    assertThat(sdp.directionOf(audio)).isEqualTo(Direction.SENDRECV);
    assertThat(sdp.isHold()).isFalse();
  }

  @Test
  void parse_teamsOffer_keepsIceAndCryptoAsPlainAttributes() throws Exception {
    SessionDescription sdp = SdpFixtures.parsed("teams-direct-routing-offer.sdp");

    MediaDescription audio = sdp.audio().orElseThrow();
    assertThat(audio.protocol()).isEqualTo("RTP/SAVP");
    assertThat(audio.formats())
        .containsExactly("104", "9", "111", "18", "0", "8", "97", "101", "13", "118");
    assertThat(audio.connection().address().getHostAddress()).isEqualTo("52.114.7.24");
    assertThat(audio.attributes())
        .extracting(Attribute::name)
        .contains("crypto", "candidate", "rtcp-mux");
    assertThat(audio.rtpmap("101")).contains(new RtpMap(101, "telephone-event", 8000, 1));
    assertThat(audio.fmtp("101")).contains("0-16");
    assertThat(audio.fmtp("18")).contains("annexb=no");
    assertThat(audio.ptime()).hasValue(20);
    assertThat(sdp.bandwidths()).containsExactly("CT:10000000");
  }

  @Test
  void parse_ipv6MediaConnectionAndHostNameOrigin() throws Exception {
    SessionDescription sdp = SdpFixtures.parsed("carrier-ipv6-pcma-offer.sdp");

    assertThat(sdp.origin().address()).isEqualTo("sbc.carrier.example");
    assertThat(sdp.connection()).isNull();
    MediaDescription audio = sdp.audio().orElseThrow();
    assertThat(sdp.connectionOf(audio).address()).isEqualTo(InetAddress.getByName("2001:db8::30"));
    assertThat(sdp.connectionOf(audio).addressType()).isEqualTo("IP6");
    assertThat(audio.ptime()).hasValue(30);
    assertThat(sdp.media()).hasSize(2);
    assertThat(sdp.media().get(1).port()).isZero();
  }

  @Test
  void parse_lfLineEndsAndTrailingBlankLines_areAccepted() throws Exception {
    String crlf = SdpFixtures.text("sipp-uac-offer.sdp");

    SessionDescription lf = SessionDescription.parse(crlf.replace("\r\n", "\n") + "\n\n");

    assertThat(lf).isEqualTo(SessionDescription.parse(crlf));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sipp-uac-offer.sdp",
        "teams-direct-routing-offer.sdp",
        "carrier-ipv6-pcma-offer.sdp",
        "hold-sendonly-reinvite.sdp"
      })
  void format_thenParse_givesTheSameDescription(String fixture) throws Exception {
    SessionDescription sdp = SdpFixtures.parsed(fixture);

    String text = sdp.format();

    assertThat(SessionDescription.parse(text)).isEqualTo(sdp);
    assertThat(text).startsWith("v=0\r\no=").endsWith("\r\n").doesNotContain("\n\n");
  }

  @Test
  void format_writesLinesInRfcOrder() throws Exception {
    String text = SdpFixtures.parsed("teams-direct-routing-offer.sdp").format();

    List<Character> types = text.lines().map(line -> line.charAt(0)).distinct().toList();

    assertThat(types).containsExactly('v', 'o', 's', 'c', 'b', 't', 'm', 'a');
  }

  @Test
  void isHold_sendonlyInactiveOrUnspecifiedAddress() throws Exception {
    String active = SdpFixtures.text("sipp-uac-offer.sdp");

    assertThat(SdpFixtures.parsed("hold-sendonly-reinvite.sdp").isHold()).isTrue();
    assertThat(SessionDescription.parse(active + "a=inactive\r\n").isHold()).isTrue();
    assertThat(SessionDescription.parse(active + "a=recvonly\r\n").isHold()).isFalse();
    assertThat(
            SessionDescription.parse(active.replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0"))
                .isHold())
        .isTrue();
    assertThat(SessionDescription.parse(active.replace("t=0 0", "t=0 0\r\na=sendonly")).isHold())
        .as("a session-level direction applies to streams without their own")
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty SDP",
        "o=- 1 1 IN IP4 127.0.0.1|line 1: SDP must start with v=0",
        "v=1|line 1: SDP must start with v=0",
        "v=0\\ns=-\\nt=0 0|no o= line",
        "v=0\\no=- 1 1 IN IP4 127.0.0.1\\nt=0 0|no s= line",
        "v=0\\no=- 1 1 IN IP4|line 2: o= needs 6 fields",
        "v=0\\no=- 1 1 ATM NSAP x\\ns=-|line 2: o= network type ATM",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nthis is not sdp|line 4: not <type>=<value>",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4 999.1.1.1|line 4: connection address '999.1.1.1' is no IP4 literal",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4 media.example.com|line 4: connection address 'media.example.com' is no IP4 literal",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP6 not:an:addr:zz|line 4: connection address",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IPX 1.2.3.4|line 4: address type IPX",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4 1.2.3.4\\nm=audio|line 5: m= needs",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4 1.2.3.4\\nm=audio 70000 RTP/AVP 0|line 5: m= port '70000'",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4 1.2.3.4\\nm=audio x RTP/AVP 0|line 5: m= port 'x'",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nm=audio 5000 RTP/AVP 0|m=audio 5000 has no c= and the session none",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4 1.2.3.4\\nm=audio 5000 RTP/AVP 0\\na=rtpmap:0|line 6: a=rtpmap:0 needs",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4 1.2.3.4\\nm=audio 5000 RTP/AVP 0\\na=rtpmap:200 X/8000|line 6: a=rtpmap payload type '200'",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4 1.2.3.4\\nm=audio 5000 RTP/AVP 0\\na=rtpmap:0 PCMU/fast|line 6: a=rtpmap clock rate 'fast'",
        "v=0\\no=- 1 1 IN IP4 h\\ns=-\\nc=IN IP4 1.2.3.4\\nm=audio 5000 RTP/AVP 0\\na=ptime:soon|line 6: a=ptime:soon",
        "v=0\\no=- 1 1 IN IP4 h\\no=- 2 2 IN IP4 h\\ns=-|line 3: a second o= line",
      })
  void parse_rejectsMalformedSdp_sayingWhere(String text, String message) {
    assertThatThrownBy(() -> SessionDescription.parse(text.replace("\\n", "\r\n")))
        .isInstanceOf(MalformedSdpException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void parse_rejectsOversizedBodies() {
    String huge =
        SdpFixtures.text("sipp-uac-offer.sdp") + "a=x:" + "y".repeat(SessionDescription.MAX_LENGTH);

    assertThatThrownBy(() -> SessionDescription.parse(huge))
        .isInstanceOf(MalformedSdpException.class)
        .hasMessageContaining("at most " + SessionDescription.MAX_LENGTH);
  }

  @Test
  void parse_ignoresUnknownLineTypesAndKeepsUnknownAttributes() throws Exception {
    String text =
        SdpFixtures.text("sipp-uac-offer.sdp")
            + "y=something new\r\na=x-vendor-thing:42\r\na=rtcp-mux\r\n";

    MediaDescription audio = SessionDescription.parse(text).audio().orElseThrow();

    assertThat(audio.attributes())
        .contains(Attribute.of("x-vendor-thing", "42"), Attribute.property("rtcp-mux"));
    assertThat(audio.attribute("x-vendor-thing")).contains("42");
  }
}
