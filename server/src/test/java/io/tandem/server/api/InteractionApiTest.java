package io.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.Http.Answer;
import io.tandem.server.testing.RunningServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Agent actions, interactions, statistics and KPIs over real HTTP: one call answered and wrapped up
 * through the API, then read back every way; and the rejects.
 */
class InteractionApiTest {

  private static final String BASE = "/api/v1/tenants/shop";
  private static final AgentId ANNA = new AgentId("anna");

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;
  static Instant started;

  @BeforeAll
  static void startWithOneAnsweredCall() {
    server = RunningServer.start(directory);
    http = server.http().as("supervisor");
    started = Instant.now().minusSeconds(1);
    assertThat(http.put("/api/v1/tenants/shop", "{\"name\": \"Shop\"}").status()).isEqualTo(201);
    tell(
        t -> {
          t.configureQueue(
              QueueConfig.builder("billing").name("Billing").wrapUp(Duration.ofMinutes(5)).build());
          t.configureAgent(AgentProfile.voice("anna", AgentSkills.NONE));
          t.configureAgent(AgentProfile.voice("ben", AgentSkills.NONE));
        });

    Answer login = http.post(BASE + "/agents/anna/login", "{}");
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().get("state").asString()).isEqualTo("READY");
    tell(
        t -> {
          InteractionId call =
              t.arrive(
                  new InteractionId("call-1"), Channel.VOICE, "+4930111", "+4930999", Map.of());
          t.enqueue(call, new QueueId("billing"), null);
        });
    ReservationId offer = ask(t -> t.state().agent(ANNA).reservation());
    tell(
        t -> {
          t.acceptOffer(offer);
          t.customerHungUp(new InteractionId("call-1"));
        });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void tell(Consumer<Tenant> command) {
    server.bean(TenantRegistry.class).tenant(new TenantId("shop")).tell(command).join();
  }

  private static <T> T ask(Function<Tenant, T> command) {
    return server.bean(TenantRegistry.class).tenant(new TenantId("shop")).ask(command).join();
  }

  @Test
  void wrapUp_completesWithCode_thenTheCallIsHistoryWithItsTimeline() {
    Answer wrapUp = http.post(BASE + "/agents/anna/wrap-up", "{\"code\": \"sale\"}");
    Answer again = http.post(BASE + "/agents/anna/wrap-up", "{\"code\": \"sale\"}");

    assertThat(wrapUp.status()).isEqualTo(200);
    assertThat(wrapUp.json().get("state").asString()).isEqualTo("READY");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("not in wrap-up");

    JsonNode detail = http.get(BASE + "/interactions/call-1").json();
    assertThat(detail.get("summary").get("outcome").asString()).isEqualTo("answered");
    assertThat(detail.get("summary").get("agent").asString()).isEqualTo("anna");
    assertThat(detail.get("live").isNull()).isTrue();
    assertThat(detail.get("timeline").findValuesAsString("type"))
        .startsWith("interaction.Arrived", "interaction.Queued", "interaction.Offered")
        .contains("interaction.Connected", "interaction.WrapUpCompleted");
    JsonNode completed = detail.get("timeline").get(detail.get("timeline").size() - 1);
    assertThat(detail.get("timeline").findValuesAsString("code")).contains("sale");
    assertThat(completed.get("seq").asLong()).isPositive();

    JsonNode history = http.get(BASE + "/interactions/history").json();
    assertThat(history.get("interactions").findValuesAsString("id")).containsExactly("call-1");
    assertThat(
            http.get(BASE + "/interactions/history?outcome=abandoned")
                .json()
                .get("interactions")
                .size())
        .isZero();
    assertThat(http.get(BASE + "/interactions").json().size()).isZero();

    JsonNode statistics = http.get(BASE + "/statistics").json();
    JsonNode billing = statistics.get("queues").get(0);
    assertThat(billing.get("queue").asString()).isEqualTo("billing");
    assertThat(billing.get("offeredToday").asLong()).isEqualTo(1);
    assertThat(billing.get("answeredToday").asLong()).isEqualTo(1);
    assertThat(statistics.get("agentsByState").get("READY").asInt()).isEqualTo(1);
    assertThat(statistics.get("agentsByState").get("OFFLINE").asInt()).isEqualTo(1);

    JsonNode kpis =
        http.get(BASE + "/kpis?from=" + started + "&to=" + Instant.now().plusSeconds(1)).json();
    assertThat(kpis.get("queues").get(0).get("answered").asLong()).isEqualTo(1);
    assertThat(kpis.get("agents").get(0).get("agent").asString()).isEqualTo("anna");
    assertThat(kpis.get("agents").get(0).get("handled").asLong()).isEqualTo(1);
  }

  @Test
  void agentActions_rejects() {
    assertThat(http.post(BASE + "/agents/nobody/login", "{}").status()).isEqualTo(404);
    assertThat(http.post("/api/v1/tenants/nobody/agents/anna/login", "{}").status()).isEqualTo(404);
    Answer noReason = http.post(BASE + "/agents/ben/not-ready", "{}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
    Answer offline = http.post(BASE + "/agents/ben/not-ready", "{\"reason\": \"lunch\"}");
    assertThat(offline.status()).isEqualTo(409);
    assertThat(http.post(BASE + "/agents/ben/logout", "").status()).isEqualTo(409);
    Answer typo = http.post(BASE + "/agents/ben/login", "{\"redy\": true}");
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().get("field").asString()).isEqualTo("redy");
    assertThat(http.post(BASE + "/agents/ben/login", "{\"ready\": \"yes\"}").status())
        .isEqualTo(400);
  }

  @Test
  void agentActions_loginNotReadyReadyLogout() {
    assertThat(
            http.post(BASE + "/agents/ben/login", "{\"ready\": false}")
                .json()
                .get("state")
                .asString())
        .isEqualTo("NOT_READY");
    JsonNode notReady =
        http.post(BASE + "/agents/ben/not-ready", "{\"reason\": \"training\"}").json();
    assertThat(notReady.get("notReadyReason").asString()).isEqualTo("training");
    assertThat(http.post(BASE + "/agents/ben/ready", "").json().get("state").asString())
        .isEqualTo("READY");
    assertThat(http.post(BASE + "/agents/ben/logout", "").json().get("state").asString())
        .isEqualTo("OFFLINE");
  }

  @Test
  void readRejects_are400Or404NamingTheField() {
    assertThat(http.get(BASE + "/interactions/nothing").status()).isEqualTo(404);
    assertThat(http.get(BASE + "/interactions?state=bogus").json().get("field").asString())
        .isEqualTo("state");
    assertThat(http.get(BASE + "/interactions/history?limit=0").json().get("field").asString())
        .isEqualTo("limit");
    assertThat(http.get(BASE + "/interactions/history?outcome=won").status()).isEqualTo(400);
    assertThat(http.get(BASE + "/interactions/history?before=x").json().get("field").asString())
        .isEqualTo("before");
    assertThat(
            http.get(BASE + "/kpis?from=yesterday&to=2026-01-01T00:00:00Z")
                .json()
                .get("field")
                .asString())
        .isEqualTo("from");
    assertThat(http.get(BASE + "/kpis?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").status())
        .isEqualTo(400);
    assertThat(http.get(BASE + "/kpis?from=2026-01-02T00:00:00Z").json().get("field").asString())
        .isEqualTo("to");
    assertThat(http.get("/api/v1/tenants/nobody/statistics").status()).isEqualTo(404);
  }
}
