package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.sip.stack.SipHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the REFERs Teams sends an SBC (MICROSOFT-CONTRACTS §1.5), and refusing bad ones. */
class TeamsReferTest {

  private static final String PROXY = "sip.pstnhub.microsoft.com";
  private static final String REFERRED_BY =
      "<sip:sip.pstnhub.microsoft.com;x-m=8:orgid:aaaa;x-t=tttt;x-ti=cccc;x-tt=aHR0cHM%3D>";

  @Test
  void numberTarget_requestUriThroughTheProxyTried_referredByCarried() throws Exception {
    TeamsRefer refer =
        read("<sip:+14255550123@sip.pstnhub.microsoft.com;user=phone>", REFERRED_BY, 7);

    assertThat(refer.target()).isEqualTo("+14255550123");
    assertThat(refer.eventId()).isEqualTo(7);
    assertThat(refer.requestUriVia("sip2.pstnhub.microsoft.com", 5061, "tls"))
        .isEqualTo("sip:+14255550123@sip2.pstnhub.microsoft.com:5061;user=phone;transport=tls");
    assertThat(refer.toUri("sip2.pstnhub.microsoft.com"))
        .isEqualTo("sip:+14255550123@sip2.pstnhub.microsoft.com;user=phone");
    assertThat(refer.carried()).containsExactly(SipHeader.of("Referred-By", REFERRED_BY));
  }

  @Test
  void teamsUserTarget_mriAndTenantKept_targetIsTheObjectId() throws Exception {
    TeamsRefer refer =
        read(
            "<sip:sip.pstnhub.microsoft.com:5061;transport=tls;x-m=8:orgid:ABCD-12;x-t=tenant-1>",
            null,
            2);

    assertThat(refer.target()).isEqualTo("teams:abcd-12");
    assertThat(refer.requestUriVia("sip3.pstnhub.microsoft.com", 5061, "tls"))
        .isEqualTo(
            "sip:sip3.pstnhub.microsoft.com:5061;transport=tls;x-m=8:orgid:ABCD-12;x-t=tenant-1");
    assertThat(refer.carried()).isEmpty();
  }

  @Test
  void telTarget_becomesANumberAtTheProxy() throws Exception {
    TeamsRefer refer = read("<tel:+14255550123>", null, 1);

    assertThat(refer.target()).isEqualTo("+14255550123");
    assertThat(refer.toUri("sip.pstnhub.microsoft.com"))
        .isEqualTo("sip:+14255550123@sip.pstnhub.microsoft.com;user=phone");
  }

  @Test
  void replacesEmbeddedInReferTo_isCarriedDecoded() throws Exception {
    TeamsRefer refer =
        read(
            "<sip:+14255550123@sip.pstnhub.microsoft.com;user=phone"
                + "?Replaces=abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2>",
            null, 1);

    assertThat(refer.carried())
        .containsExactly(SipHeader.of("Replaces", "abc@host;to-tag=1;from-tag=2"));
    assertThat(refer.uri().toString()).doesNotContain("Replaces");
  }

  @Test
  void referToOf400Characters_isRead() throws Exception {
    String longTenant = "t".repeat(330);
    TeamsRefer refer =
        read(
            "<sip:sip.pstnhub.microsoft.com:5061;transport=tls;x-m=8:orgid:abcd;x-t="
                + longTenant
                + ">",
            null,
            1);

    assertThat(refer.uri().parameter("x-t")).isEqualTo(longTenant);
  }

  @Test
  void refusals() {
    refused(List.of(), 400);
    refused(List.of("<sip:+1425@a>", "<sip:+1426@a>"), 400);
    refused(List.of("<sip:+14255550123@host"), 400);
    refused(List.of("<mailto:agent@example.com>"), 416);
    refused(List.of("<tel:5550123>"), 400);
    refused(List.of("<sip:+14255550123@host;method=BYE>"), 501);
    refused(List.of("<sip:@>"), 400);
  }

  private static TeamsRefer read(String referTo, String referredBy, long cseq) throws Exception {
    return TeamsRefer.of(List.of(referTo), referredBy, cseq, PROXY);
  }

  private static void refused(List<String> referTo, int status) {
    assertThatThrownBy(() -> TeamsRefer.of(referTo, null, 1, PROXY))
        .as(referTo.toString())
        .isInstanceOfSatisfying(
            TeamsRefer.Refused.class, refused -> assertThat(refused.status()).isEqualTo(status));
  }
}
