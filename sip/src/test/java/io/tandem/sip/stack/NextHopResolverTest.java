package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class NextHopResolverTest {

  private final NextHopResolver resolver = new NextHopResolver(host -> "127.0.0.1");

  private static OutboundRequest request(String uri) {
    return new OutboundRequest("OPTIONS", uri);
  }

  @Test
  void hostName_goesThroughTheHostMap() throws UnknownHostException {
    NextHopResolver.NextHop hop =
        resolver.of(request("sip:+14255550100@sip.pstnhub.microsoft.com:5061"), Transport.TLS);

    assertThat(hop.host()).isEqualTo("sip.pstnhub.microsoft.com");
    assertThat(hop.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(hop.address().getPort()).isEqualTo(5061);
  }

  @Test
  void firstRoute_winsOverTheRequestUri() throws UnknownHostException {
    OutboundRequest request =
        request("sip:+14255550100@192.0.2.99:5060")
            .header("Route", "<sip:127.0.0.3:6000;lr>, <sip:192.0.2.1;lr>");

    NextHopResolver.NextHop hop = resolver.of(request, Transport.UDP);

    assertThat(hop.address().getAddress().getHostAddress()).isEqualTo("127.0.0.3");
    assertThat(hop.address().getPort()).isEqualTo(6000);
  }

  @Test
  void ipLiterals_areKept_soResponsesReachTheViaAddress() throws UnknownHostException {
    assertThat(resolver.resolve("127.0.0.2", 40000, Transport.UDP).getAddress().getHostAddress())
        .isEqualTo("127.0.0.2");
    assertThat(resolver.resolve("192.0.2.10", 5060, Transport.UDP).getAddress().getHostAddress())
        .isEqualTo("192.0.2.10");
    assertThat(
            resolver.resolve("[2001:db8::10]", 5060, Transport.TCP).getAddress().getHostAddress())
        .contains("2001:db8:0:0:0:0:0:10");
  }

  @Test
  void missingPort_isTheTransportsDefault() throws UnknownHostException {
    assertThat(resolver.resolve("sbc.example", -1, Transport.UDP).getPort()).isEqualTo(5060);
    assertThat(resolver.resolve("sbc.example", -1, Transport.TLS).getPort()).isEqualTo(5061);
  }

  @Test
  void isLiteral_tellsAddressesFromNames() {
    assertThat(NextHopResolver.isLiteral("10.1.2.3")).isTrue();
    assertThat(NextHopResolver.isLiteral("::1")).isTrue();
    assertThat(NextHopResolver.isLiteral("sip2.pstnhub.microsoft.com")).isFalse();
    assertThat(NextHopResolver.isLiteral("1.2.3.example")).isFalse();
  }
}
