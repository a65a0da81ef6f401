package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.stack.HopImpl;
import javax.sip.address.Hop;
import org.junit.jupiter.api.Test;

class NextHopResolverTest {

  private final NextHopResolver resolver = new NextHopResolver(host -> "127.0.0.1");

  @Test
  void hostName_goesThroughTheHostMap() {
    Hop hop = resolver.resolveAddress(new HopImpl("sip.pstnhub.microsoft.com", 5061, "tls"));

    assertThat(hop.getHost()).isEqualTo("127.0.0.1");
    assertThat(hop.getPort()).isEqualTo(5061);
    assertThat(hop.getTransport()).isEqualToIgnoringCase("tls");
  }

  @Test
  void ipLiterals_areKept_soResponsesReachTheViaAddress() {
    assertThat(resolver.resolveAddress(new HopImpl("127.0.0.2", 40000, "udp")).getHost())
        .isEqualTo("127.0.0.2");
    assertThat(resolver.resolveAddress(new HopImpl("192.0.2.10", 5060, "udp")).getHost())
        .isEqualTo("192.0.2.10");
    assertThat(resolver.resolveAddress(new HopImpl("[2001:db8::10]", 5060, "tcp")).getHost())
        .contains("2001:db8::10");
  }

  @Test
  void missingPort_isTheTransportsDefault() {
    assertThat(resolver.resolveAddress(new HopImpl("sbc.example", -1, "udp")).getPort())
        .isEqualTo(5060);
    assertThat(resolver.resolveAddress(new HopImpl("sbc.example", -1, "tls")).getPort())
        .isEqualTo(5061);
  }

  @Test
  void isLiteral_tellsAddressesFromNames() {
    assertThat(NextHopResolver.isLiteral("10.1.2.3")).isTrue();
    assertThat(NextHopResolver.isLiteral("::1")).isTrue();
    assertThat(NextHopResolver.isLiteral("sip2.pstnhub.microsoft.com")).isFalse();
    assertThat(NextHopResolver.isLiteral("1.2.3.example")).isFalse();
  }
}
