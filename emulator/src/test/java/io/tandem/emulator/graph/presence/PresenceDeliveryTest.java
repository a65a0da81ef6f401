package io.tandem.emulator.graph.presence;

import static io.tandem.emulator.graph.presence.PresenceReadTest.assertGraphError;
import static io.tandem.emulator.graph.presence.PresenceTestClient.ALICE;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.awaitJournal;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.echoThen;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.isNotification;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Delivery beyond the happy path: retries of a failing endpoint, and rich notifications. */
class PresenceDeliveryTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private EmulatorFixture fixture;
  private PresenceTestClient graph;
  private RecordingWebhook webhook;

  @BeforeEach
  void start() throws Exception {
    fixture = new EmulatorFixture();
    graph = new PresenceTestClient(fixture);
    webhook = new RecordingWebhook();
  }

  @AfterEach
  void stop() {
    webhook.close();
    fixture.close();
  }

  @Test
  void failingEndpoint_isRetriedEveryTenMinutes_thenTheSubscriptionIsRemoved() throws Exception {
    webhook.respondWith(request -> echoThen(request, 500));
    fixture
        .emulator
        .presence()
        .changeSettings(s -> s.withRetries(Duration.ofMinutes(10), Duration.ofMinutes(30)));
    String id =
        Json.parse(
                graph
                    .post(
                        "/subscriptions",
                        subscription(
                            "/communications/presences/" + ALICE,
                            webhook.url("/notify"),
                            webhook.url("/lifecycle"),
                            fixture.clock.now().plus(Duration.ofMinutes(60)).toString()))
                    .body())
            .path("id")
            .asString();

    graph.scriptClient(ALICE, "Away", "Away");
    for (int attempt = 1; attempt <= 3; attempt++) {
      awaitJournal(fixture, "presence.notification.retryScheduled", attempt);
      fixture.clock.advance(Duration.ofMinutes(10));
    }
    awaitJournal(fixture, "presence.notification.dropped", 1);

    List<String> events =
        List.of(
            lifecycleEvent(
                webhook.next(
                    r -> r.pathAndQuery().equals("/lifecycle") && isNotification(r), WAIT)),
            lifecycleEvent(
                webhook.next(
                    r -> r.pathAndQuery().equals("/lifecycle") && isNotification(r), WAIT)));
    assertThat(events).containsExactlyInAnyOrder("missed", "subscriptionRemoved");
    assertGraphError(graph.get("/subscriptions/" + id), 404, "ResourceNotFound");
    var attempts =
        fixture.emulator.journal().after(0, e -> e.kind().equals("presence.notification"), 10);
    assertThat(attempts.stream().map(e -> e.attributes().get("attempt")))
        .containsExactly("1", "2", "3", "4");
    assertThat(Duration.between(attempts.get(0).time(), attempts.get(3).time()))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void slowEndpoint_countsAsFailed() throws Exception {
    fixture
        .emulator
        .presence()
        .changeSettings(s -> s.withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(200)));
    webhook.respondWith(
        request -> {
          if (isNotification(request)) {
            PresenceSubscriptionTest.sleep(Duration.ofMillis(800));
          }
          return echoThen(request, 202);
        });
    graph.post(
        "/subscriptions",
        subscription(
            "/communications/presences/" + ALICE,
            webhook.url("/notify"),
            null,
            fixture.clock.now().plus(Duration.ofMinutes(60)).toString()));

    graph.scriptClient(ALICE, "Away", "Away");

    var reply = awaitJournal(fixture, "presence.notification reply", 1).get(0);
    assertThat(reply.attributes()).containsEntry("status", "-1");
  }

  @Test
  void richNotification_carriesResourceDataEncryptedForTheAppsCertificate() throws Exception {
    webhook.respondWith(request -> echoThen(request, 202));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (var in = getClass().getResourceAsStream("/test-pki/tandem.p12")) {
      keys.load(in, "changeit".toCharArray());
    }
    String alias = keys.aliases().nextElement();
    Certificate certificate = keys.getCertificate(alias);
    PrivateKey privateKey = (PrivateKey) keys.getKey(alias, "changeit".toCharArray());
    String body =
        subscription(
                "/communications/presences/" + ALICE,
                webhook.url("/notify"),
                null,
                fixture.clock.now().plus(Duration.ofMinutes(60)).toString())
            .replace(
                "\"clientState\"",
                "\"includeResourceData\":true,\"encryptionCertificate\":\""
                    + Base64.getEncoder().encodeToString(certificate.getEncoded())
                    + "\",\"encryptionCertificateId\":\"k1\",\"clientState\"");
    assertThat(graph.post("/subscriptions", body).statusCode()).isEqualTo(201);
    webhook.next(WAIT); // validation

    graph.scriptClient(ALICE, "DoNotDisturb", "Presenting");

    JsonNode notification = Json.parse(webhook.next(WAIT).body());
    JsonNode content = notification.path("value").get(0).path("encryptedContent");
    assertThat(content.path("encryptionCertificateId").asString()).isEqualTo("k1");
    Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
    rsa.init(Cipher.DECRYPT_MODE, privateKey);
    byte[] key = rsa.doFinal(Base64.getDecoder().decode(content.path("dataKey").asString()));
    byte[] data = Base64.getDecoder().decode(content.path("data").asString());
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(key, "HmacSHA256"));
    assertThat(Base64.getEncoder().encodeToString(hmac.doFinal(data)))
        .isEqualTo(content.path("dataSignature").asString());
    Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
    aes.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new IvParameterSpec(Arrays.copyOf(key, 16)));
    JsonNode decrypted = Json.parse(new String(aes.doFinal(data), StandardCharsets.UTF_8));
    assertThat(decrypted.path("availability").asString()).isEqualTo("DoNotDisturb");
    assertThat(decrypted.path("activity").asString()).isEqualTo("Presenting");
    assertThat(decrypted.path("@odata.id").asString()).isEqualTo("users/" + ALICE + "/presence");
    String validationToken = notification.path("validationTokens").get(0).asString();
    assertThat(
            fixture
                .emulator
                .accessTokens()
                .verify(validationToken, EmulatorFixture.BOT_APP)
                .appId())
        .isEqualTo("0bf30f3b-4a52-48df-9a82-234910c4a086");
  }

  private static String lifecycleEvent(RecordingWebhook.Received request) {
    return Json.parse(request.body()).path("value").get(0).path("lifecycleEvent").asString();
  }
}
