package io.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.server.testing.Http;
import io.tandem.server.testing.Http.Answer;
import io.tandem.server.testing.RunningServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/tenants/{tenant}/webhooks} over real HTTP: the happy path and every reject. No
 * receiver listens (the URLs go nowhere); delivery is {@code WebhookDeliveryTest}'s.
 */
class WebhookApiTest {

  static final String BASE = "/api/v1/tenants/hooks/webhooks";

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = RunningServer.start(directory);
    http = server.http().as("alice");
    http.put("/api/v1/tenants/hooks", "{\"name\": \"Hooks\"}");
    http.put("/api/v1/tenants/other", "{\"name\": \"Other\"}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void post_createsAWebhook_showingItsSecretOnce() {
    Answer created =
        http.post(
            BASE,
            """
            {"url": "https://example.com/tandem", "eventTypes": ["interaction.*", "agent.LoggedIn"],
             "enabled": false}
            """);

    assertThat(created.status()).isEqualTo(201);
    JsonNode webhook = created.json();
    assertThat(webhook.get("id").asString()).matches("wh_[0-9a-f]{24}");
    assertThat(webhook.get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);
    assertThat(webhook.get("status").asString()).isEqualTo("PAUSED");
    assertThat(webhook.get("enabled").asBoolean()).isFalse();
    assertThat(webhook.get("createdBy").asString()).isEqualTo("alice");
    assertThat(webhook.get("cursor").asLong()).isZero();

    JsonNode read = http.get(BASE + "/" + webhook.get("id").asString()).json();
    assertThat(read.get("secret").asString())
        .startsWith("whsec_…")
        .hasSize(11)
        .isNotEqualTo(webhook.get("secret").asString());
    assertThat(read.get("eventTypes").values())
        .extracting(JsonNode::asString)
        .containsExactly("interaction.*", "agent.LoggedIn");
    assertThat(http.get(BASE).json().findValuesAsString("id"))
        .contains(webhook.get("id").asString());
  }

  @Test
  void post_withOwnSecret_keepsIt_andDefaultsToEveryEventEnabled() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    JsonNode webhook =
        http.post(BASE, "{\"url\": \"http://127.0.0.1:9/x\", \"secret\": \"" + secret + "\"}")
            .json();

    assertThat(webhook.get("secret").asString()).isEqualTo(secret);
    assertThat(webhook.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(webhook.get("eventTypes").values())
        .extracting(JsonNode::asString)
        .containsExactly("*");
  }

  @Test
  void put_replacesTheSettings_keepingTheSecretWhenLeftOut_andPausesAndResumes() {
    String path = create();

    Answer paused =
        http.put(
            path,
            "{\"url\": \"https://example.org/new\", \"eventTypes\": [\"queue.*\"], \"enabled\": false}");

    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.json().get("url").asString()).isEqualTo("https://example.org/new");
    assertThat(paused.json().get("status").asString()).isEqualTo("PAUSED");
    assertThat(http.get(path).json().get("eventTypes").get(0).asString()).isEqualTo("queue.*");
    Answer resumed = http.put(path, "{\"url\": \"https://example.org/new\", \"enabled\": true}");
    assertThat(resumed.json().get("status").asString()).isEqualTo("ACTIVE");
    assertThat(resumed.json().get("secret").asString()).startsWith("whsec_…");
  }

  @Test
  void delete_removesIt_thenItIs404() {
    String path = create();

    assertThat(http.delete(path).status()).isEqualTo(204);
    assertThat(http.get(path).status()).isEqualTo(404);
    assertThat(http.delete(path).status()).isEqualTo(404);
  }

  @Test
  void unknownWebhook_malformedId_andAnotherTenantsWebhook_are404() {
    String other = create().replace("/hooks/", "/other/");
    String unknown = BASE + "/wh_000000000000000000000000";

    for (String path : new String[] {unknown, BASE + "/not-an-id", other}) {
      assertThat(http.get(path).status()).as(path).isEqualTo(404);
      assertThat(http.put(path, "{\"url\": \"https://example.com\"}").status()).isEqualTo(404);
      assertThat(http.delete(path).status()).isEqualTo(404);
      assertThat(http.get(path + "/deliveries").status()).isEqualTo(404);
      assertThat(http.post(path + "/redeliver?from=1", "").status()).isEqualTo(404);
    }
    Answer answer = http.get(unknown);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("detail").asString())
        .isEqualTo("no webhook 'wh_000000000000000000000000'");
    assertThat(http.get("/api/v1/tenants/nobody/webhooks").status()).isEqualTo(404);
  }

  @Test
  void badUrls_are400NamingUrl() {
    for (String body :
        new String[] {
          "{\"url\": \"ftp://example.com/x\"}",
          "{\"url\": \"not a url\"}",
          "{\"url\": \"https://user:pw@example.com/\"}",
          "{}",
          "{\"url\": 42}"
        }) {
      Answer answer = http.post(BASE, body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("field").asString()).as(body).isEqualTo("url");
    }
  }

  @Test
  void unknownEventTypes_are400NamingTheEntry() {
    Answer unknown =
        http.post(
            BASE,
            "{\"url\": \"https://example.com\", \"eventTypes\": [\"agent.*\", \"call.Made\"]}");
    Answer empty = http.post(BASE, "{\"url\": \"https://example.com\", \"eventTypes\": []}");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("field").asString()).isEqualTo("eventTypes[1]");
    assertThat(unknown.json().get("detail").asString()).contains("'call.Made'");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("field").asString()).isEqualTo("eventTypes");
  }

  @Test
  void malformedBodies_are400NamingTheField() {
    assertThat(http.post(BASE, "{\"url\": ").json().get("detail").asString())
        .contains("not valid JSON");
    assertField("{\"url\": \"https://example.com\", \"enabled\": \"yes\"}", "enabled");
    assertField("{\"url\": \"https://example.com\", \"colour\": \"red\"}", "colour");
    assertField("{\"url\": \"https://example.com\", \"eventTypes\": [7]}", "eventTypes[0]");
    assertField("{\"url\": \"https://example.com\", \"secret\": \"hunter2\"}", "secret");
  }

  @Test
  void deliveriesLimit_andRedeliverFrom_areChecked() {
    String path = create();

    assertThat(http.get(path + "/deliveries").json()).isEmpty();
    assertThat(http.get(path + "/deliveries?limit=0").json().get("field").asString())
        .isEqualTo("limit");
    assertThat(http.get(path + "/deliveries?limit=1001").status()).isEqualTo(400);
    assertThat(http.get(path + "/deliveries?limit=many").json().get("field").asString())
        .isEqualTo("limit");
    assertThat(http.post(path + "/redeliver?from=0", "").json().get("field").asString())
        .isEqualTo("from");
    assertThat(http.post(path + "/redeliver?from=99", "").status()).isEqualTo(400);
    assertThat(http.post(path + "/redeliver", "").json().get("field").asString()).isEqualTo("from");
  }

  private static String create() {
    Answer created = http.post(BASE, "{\"url\": \"https://example.com/hook\", \"enabled\": false}");
    assertThat(created.status()).isEqualTo(201);
    return BASE + "/" + created.json().get("id").asString();
  }

  private static void assertField(String body, String field) {
    Answer answer = http.post(BASE, body);
    assertThat(answer.status()).as(body).isEqualTo(400);
    assertThat(answer.json().get("field").asString()).as(body).isEqualTo(field);
  }
}
