package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.emulator.siptext.SipText;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutual TLS with the private test CA and the Contact-FQDN-against-certificate check; OPTIONS
 * answered with the proxy's capabilities and the 3-minute freshness rule on the manual clock.
 */
class TlsAndOptionsTest {

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
  void tlsOptions_sbcCertificateCoversContact_200WithCapabilities() throws Exception {
    try (TestSbc sbc = TestSbc.tls(fixture.port("tls"), "sbc.p12")) {
      sbc.send(sbc.fixture("options-from-sbc.sip", Map.of()));
      SipText ok = sbc.nextFinal();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Allow").orElseThrow()).contains("INVITE").contains("OPTIONS");
      assertThat(ok.header("Accept")).hasValue("application/sdp");
      assertThat(ok.header("Contact").orElseThrow())
          .contains("sip.pstnhub.microsoft.com")
          .contains("transport=tls");
    }
  }

  @Test
  void tlsInvite_contactFqdnNotInCertificate_403BeforeAnyOtherCheck() throws Exception {
    try (TestSbc sbc = TestSbc.tls(fixture.port("tls"), "sbc.p12")) {
      // *.customers.tandem.test matches one label only (RFC 2818): a.b.customers.tandem.test fails
      sbc.send(
          InboundChecksTest.withoutBody(
              sbc.fixture(
                  "invite-from-sbc.sip",
                  Map.of("callee", "14255550101", "contactHost", "a.b.customers.tandem.test"))));
      SipText answer = sbc.nextFinal();
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.header("ms-diagnostics").orElseThrow())
          .contains("does not match the TLS certificate")
          .contains("*.customers.tandem.test");
    }
  }

  @Test
  void tlsInvite_wildcardCertificate_callRings() throws Exception {
    try (TestSbc sbc = TestSbc.tls(fixture.port("tls"), "sbc.p12")) {
      String invite = sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550103"));
      sbc.send(invite);
      assertThat(sbc.next().status()).isEqualTo(100);
      assertThat(sbc.next().status()).isEqualTo(180);
      assertThat(sbc.next().status()).isEqualTo(183);
      sbc.send(InboundChecksTest.cancel(SipText.parse(invite)));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
      assertThat(sbc.nextFinal().status()).isEqualTo(487);
    }
  }

  @Test
  void tls_withoutClientCertificate_handshakeRefused() {
    assertThatThrownBy(
            () -> {
              try (TestSbc sbc = TestSbc.tls(fixture.port("tls"), null)) {
                sbc.send(sbc.fixture("options-from-sbc.sip", Map.of()));
                sbc.next(Duration.ofSeconds(2));
              }
            })
        .isInstanceOfAny(java.io.IOException.class, AssertionError.class);
  }

  @Test
  void tls_certificateOfAnotherCa_refused() {
    // With TLS 1.3 the server's refusal of a client certificate shows on the client's first read.
    assertThatThrownBy(
            () -> {
              try (TestSbc sbc = TestSbc.tls(fixture.port("tls"), "self-signed.p12")) {
                sbc.send(sbc.fixture("options-from-sbc.sip", Map.of()));
                sbc.next(Duration.ofSeconds(2));
              }
            })
        .isInstanceOfAny(java.io.IOException.class, AssertionError.class);
  }

  @Test
  void optionsFromUnknownFqdn_403() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      sbc.send(sbc.fixture("options-from-sbc.sip", Map.of("contactHost", "sbc.unknown.test")));
      SipText answer = sbc.nextFinal();
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.header("ms-diagnostics").orElseThrow()).startsWith("510532;");
    }
  }

  @Test
  void sbcSilentForThreeMinutes_isDemoted() throws Exception {
    SbcHealth health = fixture.sip.health();
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      sbc.send(
          sbc.fixture("options-from-sbc.sip", Map.of("contactHost", "sbc2.customers.tandem.test")));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
    assertThat(health.healthy("sbc2.customers.tandem.test")).isTrue();
    fixture.clock.advance(Duration.ofMinutes(3));
    assertThat(health.healthy("sbc2.customers.tandem.test")).isTrue();
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(health.healthy("sbc2.customers.tandem.test")).isFalse();
  }
}
