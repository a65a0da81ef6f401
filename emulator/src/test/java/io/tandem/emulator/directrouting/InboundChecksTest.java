package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every reject of the emulated proxy's inbound checks, each with a request that would also fail
 * every later check, so the test shows the first failing check wins.
 */
class InboundChecksTest {

  private static final String CONTOSO = "8f1c1b6e-2f7a-4a53-9d6c-0b1e5f0c7a11";
  private static final String CAROL_MRI = "8:orgid:11111111-aaaa-4bbb-8ccc-000000000003";

  static DirectRoutingFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new DirectRoutingFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void checks_runInMicrosoftsOrder() {
    assertThat(fixture.sip.checkOrder())
        .containsExactly(
            "capacity",
            "certificate",
            "contactFqdn",
            "tenant",
            "trunk",
            "recordRoute",
            "requestUri",
            "replaces",
            "sdp",
            "sessions",
            "callee");
  }

  @Test
  void ipAddressInContact_403_beforeUriAndSdpChecks() throws Exception {
    SipText answer =
        finalAnswer(Map.of("callee", "14255550101", "contactHost", "127.0.0.1"), true, null);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("ms-diagnostics").orElseThrow())
        .startsWith("510532;")
        .contains("IP address (127.0.0.1)");
  }

  @Test
  void contactFqdnOfNoTenant_403_noTrunkConfig() throws Exception {
    SipText answer =
        finalAnswer(Map.of("callee", "14255550101", "contactHost", "sbc.unknown.test"), true, null);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.reasonPhrase()).isEqualTo("Forbidden");
    assertThat(answer.header("ms-diagnostics").orElseThrow())
        .startsWith("510532;reason=\"No trunk config was found")
        .contains("source=\"sip.pstnhub.microsoft.com\"");
  }

  @Test
  void tenantWithoutGateway_403_trunkConfigNotFound() throws Exception {
    SipText answer =
        finalAnswer(
            Map.of("callee", "14255550101", "contactHost", "sbc.fabrikam.test"), true, null);
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("ms-diagnostics").orElseThrow()).contains("trunk config not found");
  }

  @Test
  void ipAddressInRecordRoute_403() throws Exception {
    SipText answer =
        finalAnswer(Map.of("callee", "14255550101"), true, "Record-Route: <sip:10.1.2.3;lr>");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("ms-diagnostics").orElseThrow()).contains("Record-Route");
  }

  @Test
  void requestUriWithoutPlus_404_beforeSdpCheck() throws Exception {
    SipText answer = finalAnswer(Map.of("callee", "14255550101"), true, null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("ms-diagnostics").orElseThrow())
        .startsWith("511404;")
        .contains("not a +E164 number");
    assertThat(answer.header("Reason"))
        .hasValueSatisfying(r -> assertThat(r).startsWith("Q.850;cause=1"));
  }

  @Test
  void replacesFromSbc_rejected_beforeSdpCheck() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      sbc.send(withoutBody(sbc.fixture("invite-with-replaces.sip", Map.of())));
      SipText answer = sbc.nextFinal();
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.header("ms-diagnostics").orElseThrow())
          .startsWith("10202;")
          .contains("Replaces");
    }
  }

  @Test
  void delayedOffer_488() throws Exception {
    SipText answer = finalAnswer(Map.of("callee", "+14255559999"), true, null);
    assertThat(answer.status()).isEqualTo(488);
    assertThat(answer.reasonPhrase()).isEqualTo("Not Acceptable Here");
    assertThat(answer.header("ms-diagnostics").orElseThrow())
        .startsWith("531000;")
        .contains("Delayed-offer");
  }

  @Test
  void plainRtpOffer_488_theMediaProcessorRequiresSrtp() throws Exception {
    SipText answer =
        finalAnswer(
            Map.of("callee", "+14255559999"),
            invite -> plain(invite).replace("RTP/SAVP", "RTP/AVP"));
    assertThat(answer.status()).isEqualTo(488);
    assertThat(answer.header("ms-diagnostics").orElseThrow())
        .startsWith("531000;")
        .contains("CannotSupportAnyMedia")
        .contains("requires SRTP")
        .contains("RTP/AVP without a=crypto");
  }

  @Test
  void savpOfferWithOnlyAnMkiKeyOrUnknownSuite_488() throws Exception {
    SipText answer =
        finalAnswer(
            Map.of("callee", "+14255559999"),
            invite ->
                plain(invite)
                    .replace(
                        "a=sendrecv",
                        "a=sendrecv\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80"
                            + " inline:V/Lr6Lsvhad/crSB9kCQ28jrYDxR2Yfk5bXryH5V|2^31|1:4\r\n"
                            + "a=crypto:2 AEAD_AES_256_GCM"
                            + " inline:V/Lr6Lsvhad/crSB9kCQ28jrYDxR2Yfk5bXryH5V"));
    assertThat(answer.status()).isEqualTo(488);
    assertThat(answer.header("ms-diagnostics").orElseThrow())
        .contains("RTP/SAVP with no usable a=crypto");
  }

  @Test
  void unknownCallee_404() throws Exception {
    SipText answer = finalAnswer(Map.of("callee", "+14255559999"), false, null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("ms-diagnostics").orElseThrow())
        .startsWith("511404;")
        .contains("+14255559999");
  }

  @Test
  void teamsUserByMriAfterARefer_rings() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      String invite = byMri(sbc, CAROL_MRI, CONTOSO);
      sbc.send(invite);
      assertThat(sbc.next().status()).isEqualTo(100);
      assertThat(sbc.next().status()).isEqualTo(180);
      sbc.send(cancel(SipText.parse(invite)));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
      assertThat(sbc.nextFinal().status()).isEqualTo(487);
    }
  }

  @Test
  void mriOfNoUser_orOfAnotherTenant_404() throws Exception {
    for (String[] target :
        List.of(
            new String[] {"8:orgid:11111111-aaaa-4bbb-8ccc-00000000ffff", CONTOSO},
            new String[] {CAROL_MRI, "0c0ffee0-0000-4000-8000-00000000ca11"},
            new String[] {"28:bot-id", CONTOSO})) {
      try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
        sbc.send(byMri(sbc, target[0], target[1]));
        SipText answer = sbc.nextFinal();
        assertThat(answer.status()).as(target[0]).isEqualTo(404);
        assertThat(answer.header("ms-diagnostics").orElseThrow())
            .startsWith("511404;")
            .contains("by MRI");
      }
    }
  }

  /** An INVITE to the proxy's URI naming a Teams user by {@code x-m}/{@code x-t} (§1.5). */
  private static String byMri(TestSbc sbc, String mri, String tenant) throws Exception {
    String invite = sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550103"));
    String firstLine = invite.substring(0, invite.indexOf("\r\n"));
    String uri = firstLine.split(" ")[1];
    String proxy = uri.substring(uri.indexOf('@') + 1, uri.indexOf(";"));
    return invite.replaceFirst(
        java.util.regex.Pattern.quote(firstLine),
        "INVITE sip:" + proxy + ";transport=udp;x-m=" + mri + ";x-t=" + tenant + " SIP/2.0");
  }

  @Test
  void requestUriWithoutUserPhone_accepted_warningJournalled() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      String invite =
          sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550103"))
              .replaceFirst(";user=phone;transport=udp SIP/2.0", ";transport=udp SIP/2.0");
      sbc.send(invite);
      assertThat(sbc.next().status()).isEqualTo(100);
      assertThat(sbc.next().status()).isEqualTo(180);
      String callId = SipText.parse(invite).header("Call-ID").orElseThrow();
      assertThat(fixture.journal("sip.warning"))
          .anySatisfy(
              e -> {
                assertThat(e.callId()).isEqualTo(callId);
                assertThat(e.attributes().get("warning")).contains(";user=phone");
              });
      SipText request = SipText.parse(invite);
      sbc.send(cancel(request));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
      assertThat(sbc.nextFinal().status()).isEqualTo(487);
    }
  }

  @Test
  void requestUriWithUserPhone_noUserPhoneWarning() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      String invite = sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550103"));
      sbc.send(invite);
      assertThat(sbc.next().status()).isEqualTo(100);
      assertThat(sbc.next().status()).isEqualTo(180);
      String callId = SipText.parse(invite).header("Call-ID").orElseThrow();
      assertThat(fixture.journal("sip.warning"))
          .noneSatisfy(
              e -> {
                assertThat(e.callId()).isEqualTo(callId);
                assertThat(e.attributes().get("warning")).contains(";user=phone");
              });
      sbc.send(cancel(SipText.parse(invite)));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
      assertThat(sbc.nextFinal().status()).isEqualTo(487);
    }
  }

  static String cancel(SipText invite) {
    return "CANCEL "
        + invite.requestUri()
        + " SIP/2.0\r\n"
        + "Via: "
        + invite.header("Via").orElseThrow()
        + "\r\nMax-Forwards: 70\r\nFrom: "
        + invite.header("From").orElseThrow()
        + "\r\nTo: "
        + invite.header("To").orElseThrow()
        + "\r\nCall-ID: "
        + invite.header("Call-ID").orElseThrow()
        + "\r\nCSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n";
  }

  private SipText finalAnswer(
      Map<String, String> values, java.util.function.UnaryOperator<String> change)
      throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      sbc.send(withContentLength(change.apply(sbc.fixture("invite-from-sbc.sip", values))));
      return sbc.nextFinal();
    }
  }

  /** The INVITE with its crypto line removed. */
  static String plain(String invite) {
    return invite.replaceAll("\r\na=crypto:[^\r]*", "");
  }

  static String withContentLength(String invite) {
    int split = invite.indexOf("\r\n\r\n");
    int length = invite.substring(split + 4).length();
    return invite.replaceFirst("Content-Length: \\d+", "Content-Length: " + length);
  }

  private SipText finalAnswer(Map<String, String> values, boolean noSdp, String extraHeader)
      throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      String invite = sbc.fixture("invite-from-sbc.sip", values);
      if (noSdp) {
        invite = withoutBody(invite);
      }
      if (extraHeader != null) {
        invite = invite.replaceFirst("\r\nCSeq:", "\r\n" + extraHeader + "\r\nCSeq:");
      }
      sbc.send(invite);
      return sbc.nextFinal();
    }
  }

  static String withoutBody(String invite) {
    String head = invite.substring(0, invite.indexOf("\r\n\r\n"));
    return head.replaceAll("\r\nContent-Type: [^\r]*", "")
            .replaceAll("Content-Length: \\d+", "Content-Length: 0")
        + "\r\n\r\n";
  }
}
