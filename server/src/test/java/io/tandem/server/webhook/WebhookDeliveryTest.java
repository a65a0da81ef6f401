package io.tandem.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.RunningServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks delivering a tenant's events to real HTTP receivers on loopback: in order, signed,
 * retried, given up on, and carried across a restart of the application. Backoffs are milliseconds
 * and attempts few (configuration), so no test waits long; every wait has a deadline.
 */
class WebhookDeliveryTest {

  static final String[] FAST_RETRIES = {
    "--tandem.webhooks.initial-backoff=10ms",
    "--tandem.webhooks.max-backoff=40ms",
    "--tandem.webhooks.max-attempts=4"
  };

  /** Fast retries that do not give up while the receiver is down across the restart. */
  static final String[] PATIENT_RETRIES = {
    "--tandem.webhooks.initial-backoff=10ms",
    "--tandem.webhooks.max-backoff=40ms",
    "--tandem.webhooks.max-attempts=100000"
  };

  static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;

  private final RecordingReceiver receiver = RecordingReceiver.start();

  @BeforeAll
  static void start() {
    server = RunningServer.start(directory, FAST_RETRIES);
    http = server.http().as("alice");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void closeReceiver() {
    receiver.close();
  }

  @Test
  void events_areDeliveredInOrder_onceEach_signedAsAReceiverVerifies() throws Exception {
    TenantId tenant = tenant("ordered");
    emit(server, tenant, "before"); // appended before the webhook exists: not delivered
    long before = server.bean(EventHistory.class).lastSeq(tenant);
    JsonNode created = createWebhook(http, tenant, receiver, null);
    String secret = created.get("secret").asString();

    emit(server, tenant, "anna");
    long last = server.bean(EventHistory.class).lastSeq(tenant);

    await().atMost(DEADLINE).until(() -> receiver.acceptedSeqs().size() == last - before);
    assertThat(receiver.acceptedSeqs())
        .containsExactlyElementsOf(LongStream.rangeClosed(before + 1, last).boxed().toList());
    for (RecordingReceiver.Received request : receiver.received()) {
      JsonNode body = request.json();
      assertThat(request.header("webhook-id"))
          .isEqualTo(body.get("id").asString())
          .isEqualTo("ordered:" + body.get("seq").asLong());
      assertThat(request.header("content-type")).isEqualTo("application/json");
      assertThat(body.get("tenant").asString()).isEqualTo("ordered");
      assertThat(body.get("type").asString()).startsWith("agent.");
      assertThat(body.get("data").isObject()).isTrue();
      if (!body.get("type").asString().equals("agent.Configured")) {
        assertThat(body.get("data").get("agent").asString()).isEqualTo("anna");
      }
      assertThat(body.get("occurredAt").asString()).isNotBlank();
      assertThat(
              ReceiverVerification.verify(
                  secret,
                  request.header("webhook-id"),
                  request.header("webhook-timestamp"),
                  request.header("webhook-signature"),
                  request.body(),
                  Instant.now()))
          .isTrue();
      assertThat(
              ReceiverVerification.verify(
                  secret,
                  request.header("webhook-id"),
                  request.header("webhook-timestamp"),
                  request.header("webhook-signature"),
                  (request.bodyText() + " ").getBytes(),
                  Instant.now()))
          .as("a tampered body fails")
          .isFalse();
    }
    String path = webhookPath(tenant, created);
    await().atMost(DEADLINE).until(() -> http.get(path).json().get("cursor").asLong() == last);
    JsonNode deliveries = http.get(path + "/deliveries").json();
    assertThat(deliveries).hasSize((int) (last - before));
    assertThat(deliveries.get(0).get("seq").asLong()).isEqualTo(last);
    assertThat(deliveries.get(0).get("outcome").asString()).isEqualTo("DELIVERED");
    assertThat(deliveries.get(0).get("statusCode").asInt()).isEqualTo(204);
  }

  @Test
  void receiverFailingTwice_getsEveryEventOnce_afterRetriesOfTheFirst() {
    TenantId tenant = tenant("flaky");
    receiver.answerNext(500, 503);
    JsonNode created = createWebhook(http, tenant, receiver, null);

    emit(server, tenant, "ben");
    long last = server.bean(EventHistory.class).lastSeq(tenant);

    await().atMost(DEADLINE).until(() -> receiver.acceptedSeqs().size() == last);
    assertThat(receiver.acceptedSeqs())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
    assertThat(receiver.received())
        .extracting(RecordingReceiver.Received::seq)
        .startsWith(1L, 1L, 1L);
    assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct())
        .hasSize((int) last);
    JsonNode deliveries = http.get(webhookPath(tenant, created) + "/deliveries").json();
    JsonNode first = deliveries.get(deliveries.size() - 1);
    assertThat(first.get("attempt").asInt()).isEqualTo(1);
    assertThat(first.get("statusCode").asInt()).isEqualTo(500);
    assertThat(first.get("outcome").asString()).isEqualTo("RETRYING");
    assertThat(deliveries.get(deliveries.size() - 3).get("attempt").asInt()).isEqualTo(3);
    assertThat(deliveries.get(deliveries.size() - 3).get("outcome").asString())
        .isEqualTo("DELIVERED");
  }

  @Test
  void maxAttemptsFailed_failsTheWebhook_othersKeepDelivering_andResumingRetries() {
    TenantId tenant = tenant("failing");
    receiver.answerAlways(500);
    try (RecordingReceiver healthy = RecordingReceiver.start()) {
      JsonNode failing = createWebhook(http, tenant, receiver, null);
      createWebhook(http, tenant, healthy, null);
      String path = webhookPath(tenant, failing);

      emit(server, tenant, "cleo");
      long last = server.bean(EventHistory.class).lastSeq(tenant);

      await().atMost(DEADLINE).until(() -> healthy.acceptedSeqs().size() == last);
      await().atMost(DEADLINE).until(() -> status(path).equals("FAILED"));
      JsonNode webhook = http.get(path).json();
      assertThat(webhook.get("enabled").asBoolean()).isFalse();
      assertThat(webhook.get("failureReason").asString())
          .isEqualTo("4 attempts at event failing:1 failed; the last: HTTP 500");
      assertThat(receiver.received()).hasSize(4);
      assertThat(http.get(path + "/deliveries").json().get(0).get("outcome").asString())
          .isEqualTo("GAVE_UP");

      receiver.answerAlways(200);
      assertThat(
              http.put(path, "{\"url\": \"" + receiver.url() + "\", \"enabled\": true}").status())
          .isEqualTo(200);

      await().atMost(DEADLINE).until(() -> receiver.acceptedSeqs().size() == last);
      assertThat(receiver.acceptedSeqs())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
      assertThat(status(path)).isEqualTo("ACTIVE");
    }
  }

  @Test
  void gone_failsTheWebhookAtTheFirstAttempt() {
    TenantId tenant = tenant("gone");
    receiver.answerAlways(410);
    JsonNode created = createWebhook(http, tenant, receiver, null);
    String path = webhookPath(tenant, created);

    emit(server, tenant, "dan");

    await().atMost(DEADLINE).until(() -> status(path).equals("FAILED"));
    assertThat(http.get(path).json().get("failureReason").asString())
        .isEqualTo("the receiver answered 410 Gone to event gone:1");
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void unreachableReceiver_isRetried_thenFailed_withTheErrorRecorded() throws Exception {
    TenantId tenant = tenant("unreachable");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JsonNode created =
        createWebhook(http, tenant, null, "http://127.0.0.1:" + closedPort + "/nobody");
    String path = webhookPath(tenant, created);

    emit(server, tenant, "eve");

    await().atMost(DEADLINE).until(() -> status(path).equals("FAILED"));
    JsonNode deliveries = http.get(path + "/deliveries").json();
    assertThat(deliveries).hasSize(4);
    assertThat(deliveries.get(0).get("statusCode").isNull()).isTrue();
    assertThat(deliveries.get(0).get("error").asString()).contains("connect");
  }

  @Test
  void filter_deliversOnlyMatchingTypes_andTheCursorPassesTheOthers() {
    TenantId tenant = tenant("filtered");
    JsonNode created = createWebhook(http, tenant, receiver, "agent.BecameNotReady");
    String path = webhookPath(tenant, created);

    emit(server, tenant, "fay");
    long last = server.bean(EventHistory.class).lastSeq(tenant);

    await().atMost(DEADLINE).until(() -> http.get(path).json().get("cursor").asLong() == last);
    assertThat(receiver.received())
        .isNotEmpty()
        .allSatisfy(
            request ->
                assertThat(request.json().get("type").asString())
                    .isEqualTo("agent.BecameNotReady"));
  }

  @Test
  void redeliver_sendsTheEventsAgainFromTheGivenOne() {
    TenantId tenant = tenant("again");
    JsonNode created = createWebhook(http, tenant, receiver, null);
    String path = webhookPath(tenant, created);
    emit(server, tenant, "gus");
    long last = server.bean(EventHistory.class).lastSeq(tenant);
    await().atMost(DEADLINE).until(() -> receiver.acceptedSeqs().size() == last);

    assertThat(http.post(path + "/redeliver?from=" + (last - 1), "").status()).isEqualTo(202);

    await().atMost(DEADLINE).until(() -> receiver.acceptedSeqs().size() == last + 2);
    assertThat(receiver.acceptedSeqs().subList((int) last, (int) last + 2))
        .containsExactly(last - 1, last);
  }

  @Test
  void restart_deliversTheEventsAppendedWhileTheReceiverWasDown(@TempDir Path own) {
    TenantId tenant = new TenantId("restarted");
    JsonNode created;
    long deliveredBefore;
    try (RunningServer first = RunningServer.start(own, PATIENT_RETRIES)) {
      Http api = first.http().as("alice");
      api.put("/api/v1/tenants/restarted", "{\"name\": \"Restarted\"}");
      created = createWebhook(api, tenant, receiver, null);
      emit(first, tenant, "hal");
      deliveredBefore = first.bean(EventHistory.class).lastSeq(tenant);
      await().atMost(DEADLINE).until(() -> receiver.acceptedSeqs().size() == deliveredBefore);

      receiver.answerAlways(503);
      emit(first, tenant, "ida");
      await().atMost(DEADLINE).until(() -> !receiver.received().getLast().accepted());
    }
    receiver.answerAlways(204);

    try (RunningServer second = RunningServer.start(own, PATIENT_RETRIES)) {
      long last = second.bean(EventHistory.class).lastSeq(tenant);
      assertThat(last).isGreaterThan(deliveredBefore);

      await().atMost(DEADLINE).until(() -> receiver.acceptedSeqs().size() == last);
      assertThat(receiver.acceptedSeqs())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
      String path = webhookPath(tenant, created);
      await()
          .atMost(DEADLINE)
          .until(() -> second.http().get(path).json().get("cursor").asLong() == last);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static TenantId tenant(String id) {
    assertThat(http.put("/api/v1/tenants/" + id, "{\"name\": \"" + id + "\"}").status())
        .isEqualTo(201);
    return new TenantId(id);
  }

  /** Creates a webhook to the receiver (or {@code url}), for every event or one type. */
  private static JsonNode createWebhook(
      Http api, TenantId tenant, RecordingReceiver receiver, String urlOrType) {
    String url = receiver != null ? receiver.url().toString() : urlOrType;
    String types =
        receiver != null && urlOrType != null ? ", \"eventTypes\": [\"" + urlOrType + "\"]" : "";
    Http.Answer answer =
        api.post(
            "/api/v1/tenants/" + tenant + "/webhooks", "{\"url\": \"" + url + "\"" + types + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  private static String webhookPath(TenantId tenant, JsonNode webhook) {
    return "/api/v1/tenants/" + tenant + "/webhooks/" + webhook.get("id").asString();
  }

  private static String status(String path) {
    return http.get(path).json().get("status").asString();
  }

  /** Configures the agent and logs them in, then makes them not ready and ready twice. */
  private static void emit(RunningServer on, TenantId tenant, String agent) {
    AgentId id = new AgentId(agent);
    try {
      on.bean(TenantRegistry.class)
          .tenant(tenant)
          .ask(
              t -> {
                t.configureAgent(AgentProfile.voice(agent, AgentSkills.NONE));
                t.logIn(id, true);
                for (int i = 0; i < 2; i++) {
                  t.notReady(id, "break");
                  t.ready(id);
                }
                return null;
              })
          .get(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
