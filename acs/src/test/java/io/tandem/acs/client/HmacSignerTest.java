package io.tandem.acs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HMAC-SHA256 signature against vectors computed independently with Python:
 *
 * <pre>
 * python3 -c 'import hmac,hashlib,base64
 * key=base64.b64decode("dGFuZGVtLWVtdWxhdG9yLXRlc3QtYWNzLWFjY2Vzcy1rZXktMDAx")
 * body=b"{\"incomingCallContext\":\"ctx\",\"callbackUri\":\"https://app.contoso.test/callbacks\"}"
 * h=base64.b64encode(hashlib.sha256(body).digest()).decode()
 * sts="POST\n/calling/callConnections:answer?api-version=2025-05-15\nSat, 21 Nov 2026 09:00:00 GMT;contoso-acs.communication.azure.com;"+h
 * print(h, base64.b64encode(hmac.new(key,sts.encode(),hashlib.sha256).digest()).decode())
 * e=base64.b64encode(hashlib.sha256(b"").digest()).decode()
 * sts2="GET\n/calling/callConnections/abc?api-version=2025-05-15\nSat, 21 Nov 2026 09:00:00 GMT;localhost;"+e
 * print(e, base64.b64encode(hmac.new(key,sts2.encode(),hashlib.sha256).digest()).decode())'
 * </pre>
 */
class HmacSignerTest {

  static final String KEY = "dGFuZGVtLWVtdWxhdG9yLXRlc3QtYWNzLWFjY2Vzcy1rZXktMDAx";
  static final Instant AT = Instant.parse("2026-11-21T09:00:00Z");
  static final String BODY =
      "{\"incomingCallContext\":\"ctx\",\"callbackUri\":\"https://app.contoso.test/callbacks\"}";
  static final String BODY_HASH = "uJXu2yofik9e4DWleFfX5eveFdezFFPIzhm6HI7cB0g=";
  static final String BODY_SIGNATURE = "r+VipW8yoxGL8AydOFYtmvc95phB6ixe+uQERtDjKFo=";
  static final String EMPTY_HASH = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
  static final String EMPTY_SIGNATURE = "wynW5lx2SjEVe1kDpd9NY/DhKy4x3eXtaS0EqCh9n5A=";

  private final HmacSigner signer = new HmacSigner(Base64.getDecoder().decode(KEY));

  @Test
  void post_signsMethodPathQueryDateHostAndBodyHash_asPythonComputesIt() {
    Map<String, String> headers =
        signer.headers(
            "post",
            URI.create(
                "https://contoso-acs.communication.azure.com/calling/callConnections:answer?api-version=2025-05-15"),
            BODY.getBytes(StandardCharsets.UTF_8),
            AT);

    assertThat(headers)
        .containsExactly(
            Map.entry("x-ms-date", "Sat, 21 Nov 2026 09:00:00 GMT"),
            Map.entry("x-ms-content-sha256", BODY_HASH),
            Map.entry(
                "Authorization",
                "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                    + BODY_SIGNATURE));
  }

  @Test
  void hostIsSignedWithoutThePort_andAnEmptyBodyHashesToTheHashOfNothing() {
    Map<String, String> headers =
        signer.headers(
            "GET",
            URI.create("http://localhost:18443/calling/callConnections/abc?api-version=2025-05-15"),
            new byte[0],
            AT);

    assertThat(headers.get("x-ms-content-sha256")).isEqualTo(EMPTY_HASH);
    assertThat(headers.get("Authorization")).endsWith("&Signature=" + EMPTY_SIGNATURE);
    assertThat(
            HmacSigner.stringToSign(
                "GET",
                URI.create(
                    "http://localhost:18443/calling/callConnections/abc?api-version=2025-05-15"),
                "Sat, 21 Nov 2026 09:00:00 GMT",
                EMPTY_HASH))
        .isEqualTo(
            "GET\n/calling/callConnections/abc?api-version=2025-05-15\n"
                + "Sat, 21 Nov 2026 09:00:00 GMT;localhost;"
                + EMPTY_HASH);
  }

  @Test
  void aDifferentKeyOrBody_changesTheSignature() {
    URI uri = URI.create("https://contoso-acs.communication.azure.com/calling/callConnections");
    String signature = signer.headers("POST", uri, new byte[] {1}, AT).get("Authorization");
    assertThat(signer.headers("POST", uri, new byte[] {2}, AT).get("Authorization"))
        .isNotEqualTo(signature);
    assertThat(new HmacSigner(new byte[] {9}).headers("POST", uri, new byte[] {1}, AT))
        .doesNotContainValue(signature);
  }

  @Test
  void aKeyLongerThanTheBlock_isHashedFirst_asRfc2104Says() {
    // python3 -c 'import hmac,hashlib,base64;print(base64.b64encode(hmac.new(bytes(range(100)),
    //   b"long key message",hashlib.sha256).digest()).decode())'
    byte[] key = new byte[100];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    assertThat(new HmacSigner(key).signature("long key message"))
        .isEqualTo("/rUBM3lFftXV7a0r1dFL+86a6IP0F0REfUPaxzJpCJM=");
  }

  @Test
  void dateIsRfc1123WithATwoDigitDay() {
    assertThat(HmacSigner.date(Instant.parse("2025-03-04T09:05:07Z")))
        .isEqualTo("Tue, 04 Mar 2025 09:05:07 GMT");
  }

  @Test
  void emptyKey_isRefused_andToStringHidesTheKey() {
    assertThatThrownBy(() -> new HmacSigner(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(signer.toString()).doesNotContain(KEY);
  }
}
