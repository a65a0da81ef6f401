package io.tandem.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.voicemail.VoicemailAudio;
import io.tandem.emulator.Emulator;
import io.tandem.server.TandemApplication;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.Http;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Voicemail over SIP through the whole server, with the emulator in-process as the carrier: the
 * Connect line's entry flow sends a PSTN caller straight to the {@code sales} mailbox; the caller
 * talks (the trunk's voice-like audio) and hangs up; Tandem's own recording becomes a message in
 * the database, which a supervisor lists, plays (WAV), marks heard and deletes over the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectVoicemailServerTest {

  private static final String CONNECT_LINE = "+14255550300";
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final String VOICEMAIL = "/api/v1/tenants/demo/voicemail";

  @TempDir static Path directory;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  private H2Database database;
  private ConfigurableApplicationContext context;
  private Emulator emulator;
  private String base;

  @BeforeAll
  void start() throws Exception {
    database = new H2Database(directory);
    int httpPort;
    try (ServerSocket free = new ServerSocket(0)) {
      httpPort = free.getLocalPort();
    }
    DemoSipPorts sip = DemoSipPorts.under(directory);
    context =
        new SpringApplication(TandemApplication.class)
            .run(
                sip.after(
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.main.banner-mode=off",
                    "--server.port=" + httpPort,
                    "--server.address=127.0.0.1",
                    "--tandem.demo.arrival-rate-factor=0",
                    "--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache"),
                    "--tandem.sip.entry-flow=leave-a-message"));
    emulator = context.getBean(EmbeddedEmulator.class).emulator();
    base = "http://127.0.0.1:" + httpPort;
    TenantRegistry tenants = context.getBean(TenantRegistry.class);
    await().atMost(BOUND).until(() -> tenants.find(new TenantId("demo")) != null);
    tenants.tenant(new TenantId("demo")).tell(t -> t.addListener(events::add)).join();
    Http.Answer flow =
        Http.to(URI.create(base))
            .put(
                "/api/v1/tenants/demo/flows/leave-a-message",
                """
                {"name": "Leave a message", "start": "box",
                 "nodes": {"box": {"kind": "Voicemail", "mailbox": "sales"}}}
                """);
    assertThat(flow.status()).as(flow.body()).isIn(200, 201);
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
    database.close();
  }

  @Test
  void callerLeavesAMessage_thenItIsListedPlayedHeardAndDeletedOverTheApi() throws Exception {
    dial("{\"from\":\"+447700900777\",\"to\":\"" + CONNECT_LINE + "\",\"talkFor\":\"PT6S\"}");

    await().atMost(BOUND).until(() -> !events(InteractionEvent.VoicemailLeft.class).isEmpty());
    InteractionEvent.VoicemailLeft left = events(InteractionEvent.VoicemailLeft.class).getFirst();
    await().atMost(BOUND).until(() -> !events(InteractionEvent.Ended.class).isEmpty());
    assertThat(events(InteractionEvent.Ended.class).getFirst().reason()).isEqualTo("voicemail");
    Http api = Http.to(URI.create(base)).as("supervisor");

    JsonNode listed = api.get(VOICEMAIL + "?mailbox=sales&state=new").json();
    assertThat(listed.get("total").asLong()).isEqualTo(1);
    JsonNode message = listed.get("messages").get(0);
    assertThat(message.get("id").asString()).isEqualTo(left.message());
    assertThat(message.get("callerNumber").asString()).isEqualTo("+447700900777");
    assertThat(message.get("interaction").asString()).isEqualTo(left.interaction().value());
    // From the answer (the flow sends the caller at once) to the hang-up at 6 s.
    assertThat(message.get("durationMillis").asLong()).isBetween(4_500L, 6_500L);

    HttpResponse<byte[]> wav =
        http.send(
            HttpRequest.newBuilder(URI.create(base + message.get("audio").asString())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(wav.statusCode()).isEqualTo(200);
    assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(VoicemailAudio.ofWav(wav.body()).duration().toMillis())
        .isEqualTo(message.get("durationMillis").asLong());

    String path = VOICEMAIL + "/" + left.message();
    assertThat(api.post(path + "/heard", "").json().get("state").asString()).isEqualTo("heard");
    assertThat(api.delete(path).status()).isEqualTo(204);
    assertThat(api.get(VOICEMAIL + "?mailbox=sales").json().get("total").asLong()).isZero();
    assertThat(api.get("/api/v1/tenants/other/voicemail/" + left.message()).status())
        .isEqualTo(404);
  }

  private void dial(String script) throws Exception {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
  }

  private <T extends TenantEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
