package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signing rule itself, pinned by a vector computed by hand (Python hmac/hashlib). */
class HmacSignatureTest {

  private static final String KEY = "dGFuZGVtLWVtdWxhdG9yLXRlc3QtYWNzLWFjY2Vzcy1rZXktMDAx";
  private static final String BODY =
      "{\"targets\":[{\"rawId\":\"4:+14255550123\"}],\"callbackUri\":\"https://app.contoso.test/cb\"}";

  @Test
  void signature_matchesTheHandComputedVector() {
    String date = HmacSignature.date(Instant.parse("2026-11-21T09:00:00Z"));
    String hash = HmacSignature.contentHash(BODY.getBytes(StandardCharsets.UTF_8));
    String stringToSign =
        HmacSignature.stringToSign(
            "post",
            "/calling/callConnections?api-version=2025-05-15",
            date,
            "contoso-acs.communication.azure.com",
            hash);

    assertThat(date).isEqualTo("Sat, 21 Nov 2026 09:00:00 GMT");
    assertThat(hash).isEqualTo("yLxPdS4FiJugGeUDaacaVO+eJlM9Mf8GEIaPQuRBJ2o=");
    assertThat(stringToSign)
        .isEqualTo(
            "POST\n/calling/callConnections?api-version=2025-05-15\n"
                + "Sat, 21 Nov 2026 09:00:00 GMT;contoso-acs.communication.azure.com;"
                + "yLxPdS4FiJugGeUDaacaVO+eJlM9Mf8GEIaPQuRBJ2o=");
    assertThat(HmacSignature.sign(KEY, stringToSign))
        .isEqualTo("s+SoUeUXxcbaYDK4DbgxcKpQ7roHzGjUB1j7Cu4rJu4=");
    assertThat(HmacSignature.authorization("s+SoUeUXxcbaYDK4DbgxcKpQ7roHzGjUB1j7Cu4rJu4="))
        .isEqualTo(
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256"
                + "&Signature=s+SoUeUXxcbaYDK4DbgxcKpQ7roHzGjUB1j7Cu4rJu4=");
  }

  @Test
  void emptyBody_hashesTheEmptyString() {
    assertThat(HmacSignature.contentHash(new byte[0]))
        .isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void date_usesTwoDigitDaysInGmt() {
    assertThat(HmacSignature.date(Instant.parse("2025-03-04T09:05:07Z")))
        .isEqualTo("Tue, 04 Mar 2025 09:05:07 GMT");
  }

  @Test
  void hostWithoutPort_dropsThePortOnly() {
    assertThat(RequestAuthentication.withoutPort("127.0.0.1:8400")).isEqualTo("127.0.0.1");
    assertThat(RequestAuthentication.withoutPort("contoso-acs.communication.azure.com"))
        .isEqualTo("contoso-acs.communication.azure.com");
    assertThat(RequestAuthentication.withoutPort("[::1]:8400")).isEqualTo("[::1]");
    assertThat(RequestAuthentication.withoutPort("[::1]")).isEqualTo("[::1]");
  }
}
