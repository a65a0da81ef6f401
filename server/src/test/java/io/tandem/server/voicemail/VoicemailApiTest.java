package io.tandem.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.core.voicemail.VoicemailMessage;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/tenants/{tenant}/voicemail} over real HTTP, with messages handed in through the
 * server's own {@link VoicemailIntakes} as a channel does: the listener's whole path and every
 * reject.
 */
class VoicemailApiTest {

  static final String BASE = "/api/v1/tenants/office/voicemail";
  static final Instant AT = Instant.parse("2026-11-21T09:00:00Z");

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = RunningServer.start(directory, "--tandem.voicemail.min-length=2s");
    http = server.http().as("alice");
    http.put("/api/v1/tenants/office", "{\"name\": \"Office\"}");
    http.put("/api/v1/tenants/other", "{\"name\": \"Other\"}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static VoicemailMessage left(String tenant, String mailbox, Duration length) {
    VoicemailIntake intake = server.bean(VoicemailIntakes.class).of(new TenantId(tenant));
    VoicemailIntake.Outcome outcome =
        intake.take(mailbox, new InteractionId("call-x"), "+4930111", AT, TestWavs.of(length));
    assertThat(outcome.message()).as(outcome.why()).isNotNull();
    return outcome.message();
  }

  private static HttpResponse<byte[]> audio(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server.base().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void listen_markHeard_delete() throws Exception {
    VoicemailMessage message = left("office", "sales", Duration.ofSeconds(5));
    String path = BASE + "/" + message.id();

    JsonNode listed = http.get(BASE + "?mailbox=sales&state=new").json();
    assertThat(listed.get("messages").findValuesAsString("id")).contains(message.id().value());
    JsonNode read = http.get(path).json();
    assertThat(read.get("durationMillis").asLong()).isEqualTo(5000);
    assertThat(read.get("callerNumber").asString()).isEqualTo("+4930111");
    assertThat(read.get("state").asString()).isEqualTo("new");
    assertThat(read.get("format").asString()).startsWith("audio/wav");

    HttpResponse<byte[]> wav = audio(read.get("audio").asString());
    assertThat(wav.statusCode()).isEqualTo(200);
    assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(wav.body()).isEqualTo(TestWavs.of(Duration.ofSeconds(5)));

    Http.Answer heard = http.post(path + "/heard", "");
    assertThat(heard.status()).isEqualTo(200);
    assertThat(heard.json().get("state").asString()).isEqualTo("heard");
    assertThat(http.post(path + "/heard", "").status()).isEqualTo(200);
    assertThat(http.get(BASE + "?state=new").json().get("messages").findValuesAsString("id"))
        .doesNotContain(message.id().value());

    assertThat(http.delete(path).status()).isEqualTo(204);
    assertThat(http.get(path).json().get("state").asString()).isEqualTo("deleted");
    assertThat(audio(path + "/audio").statusCode()).isEqualTo(404);
    assertThat(http.get(BASE).json().get("messages").findValuesAsString("id"))
        .doesNotContain(message.id().value());
    assertThat(http.delete(path).status()).isEqualTo(409);
    assertThat(http.post(path + "/heard", "").status()).isEqualTo(409);
  }

  @Test
  void anotherTenantsMessage_isNotFound() throws Exception {
    VoicemailMessage theirs = left("other", "sales", Duration.ofSeconds(3));
    String path = BASE + "/" + theirs.id();

    assertThat(http.get(path).status()).isEqualTo(404);
    assertThat(audio(path + "/audio").statusCode()).isEqualTo(404);
    assertThat(http.post(path + "/heard", "").status()).isEqualTo(404);
    assertThat(http.delete(path).status()).isEqualTo(404);
    assertThat(http.get(BASE).json().get("messages").findValuesAsString("id"))
        .doesNotContain(theirs.id().value());
    assertThat(http.get("/api/v1/tenants/other/voicemail/" + theirs.id()).status()).isEqualTo(200);
  }

  @Test
  void unknownOrMalformedIds_andUnknownTenants_areNotFound() {
    assertThat(http.get(BASE + "/vm_000000000000000000000000").status()).isEqualTo(404);
    Http.Answer malformed = http.get(BASE + "/not-an-id");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    assertThat(http.get("/api/v1/tenants/nobody/voicemail").status()).isEqualTo(404);
  }

  @Test
  void badFiltersAndPages_areRejected() {
    Http.Answer state = http.get(BASE + "?state=lost");
    assertThat(state.status()).isEqualTo(400);
    assertThat(state.body()).contains("state");
    assertThat(http.get(BASE + "?limit=0").status()).isEqualTo(400);
    assertThat(http.get(BASE + "?limit=501").status()).isEqualTo(400);
    assertThat(http.get(BASE + "?offset=-1").status()).isEqualTo(400);
  }

  @Test
  void paging_countsEveryMatch() {
    for (int i = 0; i < 3; i++) {
      left("office", "paging", Duration.ofSeconds(2));
    }

    JsonNode page = http.get(BASE + "?mailbox=paging&limit=2&offset=1").json();
    assertThat(page.get("messages").size()).isEqualTo(2);
    assertThat(page.get("total").asLong()).isEqualTo(3);
  }

  @Test
  void theConfiguredMinimum_decidesWhatIsAMessage() {
    VoicemailIntake intake = server.bean(VoicemailIntakes.class).of(new TenantId("office"));

    VoicemailIntake.Outcome outcome =
        intake.take(
            "short",
            new InteractionId("call-y"),
            "+4930111",
            AT,
            TestWavs.of(Duration.ofMillis(1500)));

    assertThat(outcome.message()).isNull();
    assertThat(http.get(BASE + "?mailbox=short").json().get("total").asLong()).isZero();
  }
}
