package io.tandem.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.graph.client.GraphException;
import io.tandem.server.TandemApplication;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.microsoft.MicrosoftConnection;
import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.Http;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The server with the demo (no callers) and the emulator in-process, over real HTTP: Teams presence
 * changed in the emulator reaches the demo's agents through Graph's change notifications.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsPresenceRoutingTest {

  private static final String AGENTS = "/api/v1/tenants/demo/agents/";
  private static final String NOTIFY = TeamsPresenceRouting.NOTIFICATION_PATH;
  private static final String BULK_READ = "POST /v1.0/communications/getPresencesByUserId";
  private static final String BILLING_EN_1 = "6e0a1b2c-0000-4000-8000-000000000001";
  private static final String BILLING_EN_2 = "6e0a1b2c-0000-4000-8000-000000000002";
  private static final String BILLING_DE_1 = "6e0a1b2c-0000-4000-8000-000000000003";
  private static final Duration BOUND = Duration.ofSeconds(20);

  @TempDir static Path directory;
  private H2Database database;
  private ConfigurableApplicationContext context;
  private Http http;
  private Http emulatorHttp;
  private Emulator emulator;
  private TeamsPresenceRouting routing;
  private int port;

  @BeforeAll
  void start() {
    database = new H2Database(directory);
    context =
        new SpringApplication(TandemApplication.class)
            .run(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.main.banner-mode=off",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--tandem.demo.arrival-rate-factor=0",
                "--tandem.microsoft.presence.silence-window=1h");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    http = Http.to(URI.create("http://127.0.0.1:" + port));
    emulator = context.getBean(EmbeddedEmulator.class).emulator();
    emulatorHttp = Http.to(URI.create(emulator.httpBaseUrl()));
    routing = context.getBean(TeamsPresenceRouting.class);
    await()
        .atMost(BOUND)
        .until(
            () ->
                routing.watchedUsers().size() == 20
                    && routing
                        .feed()
                        .map(f -> !f.subscriptions().active().isEmpty())
                        .orElse(false));
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
    database.close();
  }

  @Test
  void start_connectsToTheEmbeddedEmulator_andPointsItsBotAtTandem() throws Exception {
    MicrosoftConnection microsoft = context.getBean(MicrosoftConnection.class);
    EmulatedTenant tenant = emulator.world().tenant(microsoft.tenantId()).orElseThrow();
    AppRegistration bot = emulator.world().app(tenant.id(), microsoft.clientId()).orElseThrow();

    assertThat(microsoft.publicBaseUrl()).isEqualTo(URI.create("http://localhost:" + port));
    assertThat(bot.callingWebhook())
        .isEqualTo("http://localhost:" + port + "/api/microsoft/graph/calls");
    assertThat(microsoft.tokens().accessToken()).isNotBlank();
    assertThat(microsoft.presence().get("/subscriptions").body().path("value"))
        .singleElement()
        .satisfies(
            subscription ->
                assertThat(subscription.path("notificationUrl").asString())
                    .isEqualTo("http://localhost:" + port + NOTIFY));
    assertThat(routing.watchedUsers()).contains(BILLING_EN_1, BILLING_EN_2, BILLING_DE_1);
  }

  @Test
  void presenceChangedInTeams_reachesTheAgentThroughANotification() {
    assertThat(presenceOf("billing-en-001")).isEqualTo("AVAILABLE");
    long before = emulator.journal().lastSequence();

    script(BILLING_EN_1, "Busy", "InAMeeting");

    await().atMost(BOUND).until(() -> presenceOf("billing-en-001").equals("BUSY"));
    assertThat(journalAfter(before, "presence.notification reply"))
        .anySatisfy(reply -> assertThat(reply.attributes()).containsEntry("status", "202"));
    script(BILLING_EN_1, "DoNotDisturb", "Presenting");
    await().atMost(BOUND).until(() -> presenceOf("billing-en-001").equals("DO_NOT_DISTURB"));
  }

  @Test
  void validationHandshake_echoesTheDecodedTokenAsPlainText() {
    Http.Answer answer =
        http.send(
            "POST",
            NOTIFY
                + "?validationToken=Validation%3A+Testing+client+application+reachability+for"
                + "+subscription+Request-Id%3A+0a1b",
            null,
            "text/plain");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("text/plain");
    assertThat(answer.body())
        .isEqualTo(
            "Validation: Testing client application reachability for subscription Request-Id:"
                + " 0a1b");
  }

  @Test
  void notificationWithAWrongClientState_isAcceptedButNeverReadsOrChangesPresence()
      throws Exception {
    JsonNode subscription =
        context
            .getBean(MicrosoftConnection.class)
            .presence()
            .get("/subscriptions")
            .body()
            .path("value")
            .get(0);
    String id = subscription.path("id").asString();
    String clientState = subscription.path("clientState").asString();
    String presenceBefore = presenceOf("billing-en-002");
    long before = emulator.journal().lastSequence();

    Http.Answer forged = http.post(NOTIFY, notification(id, "forged-" + clientState, BILLING_EN_2));
    Http.Answer genuine = http.post(NOTIFY, notification(id, clientState, BILLING_DE_1));

    assertThat(forged.status()).isEqualTo(202);
    assertThat(genuine.status()).isEqualTo(202);
    // Reads run in order of arrival: once the genuine one's read is done, a read the forged one
    // caused would have been made before it.
    await().atMost(BOUND).until(() -> !journalAfter(before, BULK_READ).isEmpty());
    List<JournalEntry> reads = journalAfter(before, BULK_READ);
    assertThat(reads).allSatisfy(read -> assertThat(read.body()).doesNotContain(BILLING_EN_2));
    assertThat(reads).anySatisfy(read -> assertThat(read.body()).contains(BILLING_DE_1));
    assertThat(presenceOf("billing-en-002")).isEqualTo(presenceBefore);
  }

  @Test
  void malformedBody_is400_andNoNotification() {
    Http.Answer notJson = http.post(NOTIFY, "{\"value\": [");
    Http.Answer noValue = http.post(NOTIFY, "{\"items\": []}");
    Http.Answer empty = http.send("POST", NOTIFY, null, null);

    assertThat(List.of(notJson.status(), noValue.status(), empty.status())).containsOnly(400);
    assertThat(notJson.contentType()).startsWith("application/problem+json");
    assertThat(noValue.json().path("detail").asString()).contains("no 'value' array");
  }

  @Test
  void agentAddedWithATeamsUser_isFollowedFromThen() throws GraphException {
    String user = "6e0a1b2c-0000-4000-8000-0000000000a1";
    addTeamsUser(user, "late-joiner@demo.tandem.test");

    Http.Answer put =
        http.put(
            AGENTS + "late-joiner",
            "{\"name\":\"Late Joiner\",\"skills\":{\"billing\":3},\"teamsUserId\":\""
                + user
                + "\"}");
    assertThat(put.status()).isEqualTo(201);
    await()
        .atMost(BOUND)
        .until(
            () ->
                routing.watchedUsers().contains(user)
                    && routing
                        .feed()
                        .map(f -> !f.subscriptions().active().isEmpty())
                        .orElse(false));
    script(user, "Away", "Away");

    await().atMost(BOUND).until(() -> presenceOf("late-joiner").equals("AWAY"));
    assertThat(routing.watchedUsers()).hasSize(21);
  }

  private String presenceOf(String agent) {
    Http.Answer answer = http.get(AGENTS + agent);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("status").path("presence").asString();
  }

  private void script(String user, String availability, String activity) {
    Http.Answer scripted =
        emulatorHttp.put(
            "/emulator/users/" + user + "/presence",
            "{\"availability\":\"" + availability + "\",\"activity\":\"" + activity + "\"}");
    assertThat(scripted.status()).as(scripted.body()).isEqualTo(200);
  }

  private List<JournalEntry> journalAfter(long sequence, String kind) {
    return emulator.journal().after(sequence, e -> e.kind().equals(kind), Integer.MAX_VALUE);
  }

  private void addTeamsUser(String id, String upn) {
    MicrosoftConnection microsoft = context.getBean(MicrosoftConnection.class);
    EmulatedTenant tenant = emulator.world().tenant(microsoft.tenantId()).orElseThrow();
    List<TeamsUser> users = new ArrayList<>(tenant.users());
    users.add(new TeamsUser(id, upn, "Late Joiner", null, null));
    emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenant.id(),
                tenant.displayName(),
                tenant.domains(),
                tenant.apps(),
                users,
                tenant.resourceAccounts(),
                tenant.gateways(),
                tenant.voiceRoutes()));
  }

  private static String notification(String subscription, String clientState, String user) {
    return """
        {"value":[{"subscriptionId":"%s","clientState":"%s","changeType":"updated",
          "tenantId":"7d1e2f30-4a5b-4c6d-8e7f-901a2b3c4d5e",
          "resource":"communications/presences/%s",
          "resourceData":{"@odata.id":"users/%s/presence",
            "@odata.type":"#microsoft.graph.presence","id":"%s"}}]}
        """
        .formatted(subscription, clientState, user, user, user);
  }
}
