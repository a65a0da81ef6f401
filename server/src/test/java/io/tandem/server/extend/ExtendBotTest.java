package io.tandem.server.extend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.graph.extend.ExtendCalls;
import io.tandem.server.TandemApplication;
import io.tandem.server.connect.ConnectChannel;
import io.tandem.server.connect.DemoSipPorts;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.H2Database;
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

/**
 * The server as the Extend model's Teams calling bot, with the demo tenant (no synthetic callers)
 * and the emulator in-process, over real HTTP: a PSTN caller dials the resource account, hears the
 * demo's virtual assistant (prompts rendered and served by Tandem, fetched by Graph), presses 1,
 * waits in the billing queue and is handed to a billing agent's Teams client; the call's end comes
 * from the agent's presence. Forged and malformed notifications are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtendBotTest {

  private static final String HELP_LINE = "+14255550200";
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir static Path directory;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  private H2Database database;
  private ConfigurableApplicationContext context;
  private Emulator emulator;
  private MicrosoftConnection microsoft;
  private URI notifications;

  @BeforeAll
  void start() throws Exception {
    database = new H2Database(directory);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    context =
        new SpringApplication(TandemApplication.class)
            .run(
                DemoSipPorts.under(directory)
                    .after(
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.main.banner-mode=off",
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--tandem.demo.arrival-rate-factor=0",
                        "--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache")));
    emulator = context.getBean(EmbeddedEmulator.class).emulator();
    microsoft = context.getBean(MicrosoftConnection.class);
    // The Connect node runs beside the Extend bot, as in the demo.
    assertThat(context.getBean(ConnectChannel.class).listenPoints()).isNotEmpty();
    notifications = URI.create("http://127.0.0.1:" + port + ExtendChannel.NOTIFICATIONS_PATH);
    TenantRegistry tenants = context.getBean(TenantRegistry.class);
    await().atMost(BOUND).until(() -> tenants.find(new TenantId("demo")) != null);
    tenants.tenant(new TenantId("demo")).tell(t -> t.addListener(events::add)).join();
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
    database.close();
  }

  @Test
  void pstnCaller_goesThroughTheMenuAndQueue_toABillingAgentsTeams_andTheCallEndsWithPresence()
      throws Exception {
    dial(
        "{\"from\":\"+447700900555\",\"to\":\""
            + HELP_LINE
            + "\","
            + "\"digits\":[{\"after\":\"PT3S\",\"digits\":\"1\"}],\"talkFor\":\"PT3S\"}");

    await().atMost(BOUND).until(() -> !events(InteractionEvent.Connected.class).isEmpty());
    // The call is the agent's Teams call now: call control is Teams', refused here (501).
    String hold =
        "/api/v1/tenants/demo/interactions/"
            + events(InteractionEvent.Connected.class).get(0).interaction().value()
            + "/call/hold";
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(notifications.resolve(hold))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(501);
    assertThat(refused.body()).contains("done in Teams");
    await().atMost(BOUND).until(() -> !events(InteractionEvent.Disconnected.class).isEmpty());
    InteractionEvent.Arrived arrived = events(InteractionEvent.Arrived.class).get(0);
    assertThat(arrived.from()).isEqualTo("+447700900555");
    assertThat(arrived.attributes())
        .containsEntry(ExtendCalls.MODEL_ATTRIBUTE, ExtendCalls.EXTEND_MODEL);
    assertThat(events(InteractionEvent.Queued.class).get(0).queue().value()).isEqualTo("billing");
    InteractionEvent.Connected connected = events(InteractionEvent.Connected.class).get(0);
    assertThat(connected.agent().value()).startsWith("billing-");
    assertThat(events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.UNKNOWN);
    List<String> fetched =
        emulator.journal().after(0, entry -> entry.kind().equals("prompt fetch"), 1000).stream()
            .map(entry -> entry.attributes().get("url"))
            .toList();
    assertThat(fetched).anySatisfy(url -> assertThat(url).contains("/prompts/tts/"));
    assertThat(fetched).anySatisfy(url -> assertThat(url).endsWith("/prompts/music-on-hold.wav"));
    assertThat(emulator.journal().after(0, e -> e.kind().equals("call.partiesJoined"), 10))
        .hasSize(1);
  }

  @Test
  void notification_withoutToken_isRefused_withoutReachingTheBot() throws Exception {
    HttpResponse<String> answer = post(null, "{\"value\":[]}");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
  }

  @Test
  void notification_signedByAnotherAuthority_orForAnotherBot_isRefused() throws Exception {
    String acsToken =
        CallbackTokens.acs(emulator.authorities(), emulator.scheduler())
            .issue(microsoft.clientId(), microsoft.tenantId());
    String otherBot =
        CallbackTokens.graph(emulator.authorities(), emulator.scheduler())
            .issue("00000000-0000-0000-0000-00000000b0b0", microsoft.tenantId());

    assertThat(post("Bearer " + acsToken, incomingCall("forged-1")).statusCode()).isEqualTo(401);
    assertThat(post("Bearer " + otherBot, incomingCall("forged-2")).statusCode()).isEqualTo(401);
    assertThat(post("Bearer not-a-jwt", incomingCall("forged-3")).statusCode()).isEqualTo(401);
    assertThat(context.getBean(ExtendChannel.class).activeCalls()).isZero();
  }

  @Test
  void notification_thatIsNotACommsNotificationsDocument_is400() throws Exception {
    String token =
        CallbackTokens.graph(emulator.authorities(), emulator.scheduler())
            .issue(microsoft.clientId(), microsoft.tenantId());

    assertThat(post("Bearer " + token, "{not json").statusCode()).isEqualTo(400);
    assertThat(post("Bearer " + token, "{\"value\":{}}").statusCode()).isEqualTo(400);
    assertThat(post("Bearer " + token, "{\"value\":[]}").statusCode()).isEqualTo(202);
  }

  private String incomingCall(String callId) {
    return "{\"value\":[{\"changeType\":\"created\",\"resourceUrl\":\"/communications/calls/"
        + callId
        + "\",\"resourceData\":{\"state\":\"incoming\",\"tenantId\":\""
        + microsoft.tenantId()
        + "\",\"source\":{\"identity\":{\"phone\":{\"id\":\"+15550100\"}}}}}]}";
  }

  private HttpResponse<String> post(String authorization, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(notifications)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void dial(String script) throws Exception {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(placed.statusCode()).as(placed.body()).isBetween(200, 299);
  }

  private <T extends TenantEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
