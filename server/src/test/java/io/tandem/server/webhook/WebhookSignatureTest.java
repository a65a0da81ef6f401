package io.tandem.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature against the test vector the Standard Webhooks reference libraries publish. */
class WebhookSignatureTest {

  @Test
  void sign_reproducesTheStandardWebhooksTestVector() {
    WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    String signature =
        WebhookSignature.sign(
            secret,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void sign_changesWithTheId_theTimestamp_andTheBody() {
    WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String base = WebhookSignature.sign(secret, "acme:1", 1000, body);

    assertThat(WebhookSignature.sign(secret, "acme:2", 1000, body)).isNotEqualTo(base);
    assertThat(WebhookSignature.sign(secret, "acme:1", 1001, body)).isNotEqualTo(base);
    assertThat(WebhookSignature.sign(secret, "acme:1", 1000, "[]".getBytes())).isNotEqualTo(base);
  }
}
