package io.tandem.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The small values of a webhook: its id, secret and URL, each refusing what it is not. */
class WebhookValuesTest {

  @Test
  void id_isRandom_andRefusesOtherForms() {
    Random random = new Random(1);
    assertThat(WebhookId.random(random)).isNotEqualTo(WebhookId.random(random));
    assertThat(WebhookId.random(random).value()).matches("wh_[0-9a-f]{24}");
    assertThatThrownBy(() -> new WebhookId("wh_XYZ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secret_generated_holds32Bytes_andIsMaskedWhenPrinted() {
    WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

    assertThat(secret.value()).startsWith("whsec_");
    assertThat(secret.key()).hasSize(32);
    assertThat(secret.masked()).startsWith("whsec_…").hasSize(11);
    assertThat(secret.toString()).isEqualTo(secret.masked()).doesNotContain(secret.value());
  }

  @Test
  void secret_refusesAMissingPrefix_badBase64_andShortOrLongKeys() {
    String b64 = Base64.getEncoder().encodeToString(new byte[24]);
    assertThat(new WebhookSecret("whsec_" + b64).key()).hasSize(24);
    for (String bad :
        new String[] {
          b64,
          "whsec_!!!",
          "whsec_" + Base64.getEncoder().encodeToString(new byte[23]),
          "whsec_" + Base64.getEncoder().encodeToString(new byte[65])
        }) {
      assertThatThrownBy(() -> new WebhookSecret(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void url_isHttpOrHttpsWithAHost() {
    assertThat(WebhookUrl.parse("https://hooks.example.com/tandem?x=1").toString())
        .isEqualTo("https://hooks.example.com/tandem?x=1");
    assertThat(WebhookUrl.parse("http://127.0.0.1:8080/").uri().getPort()).isEqualTo(8080);
    for (String bad :
        new String[] {
          "ftp://example.com/x",
          "file:///etc/passwd",
          "example.com/x",
          "https:///nohost",
          "https://user:pw@example.com/",
          "https://example.com/#frag",
          "https://exa mple.com/",
          "https://example.com/" + "x".repeat(2000)
        }) {
      assertThatThrownBy(() -> WebhookUrl.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
