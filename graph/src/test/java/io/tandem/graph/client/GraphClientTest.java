package io.tandem.graph.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.graph.calls.GraphCallsSettings;
import io.tandem.emulator.time.ManualScheduler;
import io.tandem.identity.ClientCredentials;
import io.tandem.identity.EntraTokenClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Graph client against the emulator's Graph (real HTTP), and against a scripted stub for
 * faults.
 */
class GraphClientTest {

  static final String TENANT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  static final String APP = "1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b";

  private final ManualScheduler scheduler =
      new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);
  private final Emulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Duration> pauses = new ArrayList<>();
  private final EntraTokenClient tokens;
  private HttpServer stub;

  GraphClientTest() throws Exception {
    Path world = Path.of(GraphClientTest.class.getResource("/graph-world.yaml").toURI());
    emulator = Emulator.start(EmulatorSettings.defaults().withWorld(world), scheduler);
    tokens =
        EntraTokenClient.of(
            new ClientCredentials(
                URI.create(emulator.httpBaseUrl()),
                TENANT,
                APP,
                "bot-secret",
                "https://graph.microsoft.com/.default"),
            http,
            clock);
  }

  @AfterEach
  void stop() {
    emulator.close();
    if (stub != null) {
      stub.stop(0);
    }
  }

  private GraphClient client(URI base) {
    return new GraphClient(
        base,
        tokens,
        http,
        RetryPolicy.DEFAULT,
        duration -> {
          pauses.add(duration);
          scheduler.advance(duration);
        });
  }

  private GraphClient emulatedGraph() {
    return client(URI.create(emulator.httpBaseUrl() + "/v1.0"));
  }

  @Test
  void createCall_thenGetIt_overTheEmulatorsGraph() throws Exception {
    ObjectNode call = GraphClient.JSON.createObjectNode();
    call.put("@odata.type", "#microsoft.graph.call");
    call.put("callbackUri", "https://bot.example/api/calls");
    call.putObject("source")
        .putObject("identity")
        .putObject("applicationInstance")
        .put("id", "44444444-dddd-4eee-8fff-000000000001");
    call.putArray("targets")
        .addObject()
        .putObject("identity")
        .putObject("user")
        .put("id", "33333333-cccc-4ddd-8eee-000000000001");
    call.putArray("requestedModalities").add("audio");
    call.putObject("mediaConfig").put("@odata.type", "#microsoft.graph.serviceHostedMediaConfig");
    call.put("tenantId", TENANT);

    GraphResponse created = emulatedGraph().post("/communications/calls", call);
    String id = created.body().path("id").asString();
    GraphResponse fetched = emulatedGraph().get("/communications/calls/" + id);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.requestId()).isNotBlank();
    assertThat(fetched.body().path("direction").asString()).isEqualTo("outgoing");
  }

  @Test
  void refusal_carriesGraphsCodeAndRequestId_withoutRetrying() {
    assertThatThrownBy(() -> emulatedGraph().get("/communications/calls/no-such-call"))
        .isInstanceOfSatisfying(
            GraphException.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(404);
              assertThat(refused.code()).isNotBlank();
              assertThat(refused.requestId()).isNotBlank();
            });
    assertThat(pauses).isEmpty();
  }

  @Test
  void throttled_waitsWhatRetryAfterSays_thenSucceeds() throws Exception {
    var throttled = emulator.graphCalls().settings();
    emulator
        .graphCalls()
        .changeSettings(
            new GraphCallsSettings(
                throttled.answerDeadline(),
                throttled.keepAliveExpiry(),
                throttled.promptDuration(),
                throttled.ringTimeout(),
                throttled.pstnAnswerAfter(),
                throttled.maxRecordDuration(),
                throttled.establishedBeforeEstablishing(),
                throttled.notificationAttempts(),
                throttled.retryBackoff(),
                1,
                Duration.ofSeconds(5)));
    GraphClient client = emulatedGraph();
    assertThatThrownBy(() -> client.get("/communications/calls/warm-up"))
        .isInstanceOf(GraphException.class);

    assertThatThrownBy(() -> client.get("/communications/calls/again"))
        .isInstanceOfSatisfying(
            GraphException.class, refused -> assertThat(refused.status()).isEqualTo(404));
    assertThat(pauses).isNotEmpty();
    assertThat(pauses.get(0)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void serverErrors_areRetriedWithDoublingBackoff() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    startStub(
        exchangeNumber ->
            exchangeNumber <= 2
                ? new StubReply(
                    503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"busy\"}}", null)
                : new StubReply(200, "{\"ok\":true}", null),
        calls);

    GraphResponse response = client(stubBase()).get("/anything");

    assertThat(response.body().path("ok").asBoolean()).isTrue();
    assertThat(calls).hasValue(3);
    assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void serverErrors_stopAfterTheLastAttempt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    startStub(n -> new StubReply(500, "", null), calls);

    assertThatThrownBy(() -> client(stubBase()).get("/anything"))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.status()).isEqualTo(500));
    assertThat(calls).hasValue(RetryPolicy.DEFAULT.attempts());
  }

  @Test
  void unauthorized_refreshesTheTokenOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    startStub(n -> n == 1 ? new StubReply(401, "{}", null) : new StubReply(200, "{}", null), calls);

    client(stubBase()).get("/anything");

    assertThat(calls).hasValue(2);
    assertThat(seenTokens).hasSize(2);
    assertThat(seenTokens.stream().distinct().count()).isEqualTo(2);
  }

  @Test
  void retryAfterLongerThanTheLimit_failsAtOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    startStub(
        n ->
            new StubReply(
                429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}", "60"),
        calls);

    assertThatThrownBy(() -> client(stubBase()).get("/anything"))
        .isInstanceOfSatisfying(
            GraphException.class, e -> assertThat(e.code()).isEqualTo("TooManyRequests"));
    assertThat(calls).hasValue(1);
  }

  private record StubReply(int status, String body, String retryAfter) {}

  private final ConcurrentLinkedQueue<String> seenTokens = new ConcurrentLinkedQueue<>();

  private void startStub(java.util.function.IntFunction<StubReply> replies, AtomicInteger calls)
      throws Exception {
    stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    stub.createContext(
        "/",
        exchange -> {
          try (exchange) {
            seenTokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            StubReply reply = replies.apply(calls.incrementAndGet());
            if (reply.retryAfter() != null) {
              exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
              exchange.getResponseBody().write(body);
            }
          }
        });
    stub.start();
  }

  private URI stubBase() {
    return URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/v1.0");
  }
}
