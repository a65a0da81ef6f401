package io.tandem.acs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Parsing {@code endpoint=…;accesskey=…} as the SDKs' {@code CommunicationConnectionString}. */
class AcsConnectionStringTest {

  static final String KEY = HmacSignerTest.KEY;

  @Test
  void parse_readsEndpointAndDecodedKey() {
    AcsConnectionString cs =
        AcsConnectionString.parse(
            "endpoint=https://contoso-acs.communication.azure.com/;accesskey=" + KEY);

    assertThat(cs.endpoint()).isEqualTo(URI.create("https://contoso-acs.communication.azure.com/"));
    assertThat(cs.accessKey()).isEqualTo(Base64.getDecoder().decode(KEY));
  }

  @Test
  void keysAreCaseInsensitive_inAnyOrder_withATrailingSemicolon() {
    AcsConnectionString cs =
        AcsConnectionString.parse("AccessKey=" + KEY + ";ENDPOINT=http://127.0.0.1:8080/;");

    assertThat(cs.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
    assertThat(cs.accessKey()).isEqualTo(Base64.getDecoder().decode(KEY));
  }

  @Test
  void anUnknownKey_isRefusedByName_withoutEchoingTheSecret() {
    assertThatThrownBy(
            () ->
                AcsConnectionString.parse(
                    "endpoint=https://x.communication.azure.com/;accesskey="
                        + KEY
                        + ";SharedSecret=s3cr3t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SharedSecret")
        .hasMessageNotContaining("s3cr3t")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void missingEndpointOrKey_malformedParts_andBadBase64_areRefused() {
    assertThatThrownBy(() -> AcsConnectionString.parse("accesskey=" + KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoint");
    assertThatThrownBy(
            () -> AcsConnectionString.parse("endpoint=https://x.communication.azure.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accesskey");
    assertThatThrownBy(
            () ->
                AcsConnectionString.parse("endpoint=https://x.communication.azure.com/;accesskey="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accesskey");
    assertThatThrownBy(() -> AcsConnectionString.parse("endpoint;accesskey=" + KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(
            () ->
                AcsConnectionString.parse(
                    "endpoint=https://x.communication.azure.com/;accesskey=not*base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base64")
        .hasMessageNotContaining("not*base64!");
    assertThatThrownBy(() -> AcsConnectionString.parse("endpoint=/relative;accesskey=" + KEY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                AcsConnectionString.parse(
                    "endpoint=https://a/;endpoint=https://b/;accesskey=" + KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeats endpoint");
  }

  @Test
  void toString_hidesTheKey_andTheKeyCannotBeChangedFromOutside() {
    AcsConnectionString cs =
        AcsConnectionString.parse("endpoint=https://x.communication.azure.com/;accesskey=" + KEY);

    assertThat(cs.toString()).contains("x.communication.azure.com").doesNotContain(KEY);
    cs.accessKey()[0] ^= 1;
    assertThat(cs.accessKey()).isEqualTo(Base64.getDecoder().decode(KEY));
    assertThat(new AcsCredential.Hmac(cs.accessKey()).toString()).doesNotContain(KEY);
  }
}
