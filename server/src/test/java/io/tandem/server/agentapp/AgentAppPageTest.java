package io.tandem.server.agentapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.Http.Answer;
import io.tandem.server.testing.RunningServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The agent app over plain HTTP: the page with its headers (framing allowed for Teams only), the
 * 404 pages, its assets, and the desk endpoint with its rejects. The page in a browser is {@link
 * AgentAppBrowserTest}.
 */
class AgentAppPageTest {

  private static final TenantId SHOP = new TenantId("shop");

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = RunningServer.start(directory, "--tandem.agent-app.not-ready-reasons=lunch, coaching");
    http = server.http().as("supervisor");
    assertThat(http.put("/api/v1/tenants/shop", "{\"name\": \"Shop & <Co>\"}").status())
        .isEqualTo(201);
    assertThat(http.put("/api/v1/tenants/other", "{\"name\": \"Other\"}").status()).isEqualTo(201);
    server
        .bean(TenantRegistry.class)
        .tenant(SHOP)
        .tell(
            t -> {
              t.configureQueue(
                  QueueConfig.builder("billing")
                      .name("Billing")
                      .wrapUp(Duration.ofMinutes(2))
                      .build());
              t.configureAgent(AgentProfile.voice("anna", AgentSkills.NONE));
              t.configureAgent(AgentProfile.voice("ben", AgentSkills.NONE));
            })
        .join();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void page_isHtmlWithTenantAndAgentFilledInEscaped_andMayBeFramedByTeamsOnly() throws Exception {
    HttpResponse<String> page = get("/tenants/shop/agents/anna/app");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(
            "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com"
                + " https://*.cloud.microsoft");
    assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
    assertThat(page.body())
        .contains("<body data-tenant=\"shop\" data-agent=\"anna\">")
        .contains("· Shop &amp; &lt;Co&gt; · Tandem</title>")
        .contains("src=\"/assets/agent-app.js\"")
        .doesNotContain("{{");
  }

  @Test
  void otherPages_doNotChangeTheirFraming() throws Exception {
    assertThat(get("/wallboard/shop").headers().firstValue("Content-Security-Policy")).isEmpty();
  }

  @Test
  void page_ofAnUnknownTenantOrAgent_isA404Page() throws Exception {
    HttpResponse<String> noTenant = get("/tenants/nobody/agents/anna/app");
    HttpResponse<String> noAgent = get("/tenants/shop/agents/zoe/app");
    HttpResponse<String> otherTenantsAgent = get("/tenants/other/agents/anna/app");
    HttpResponse<String> malformed = get("/tenants/shop/agents/%20%20/app");

    assertThat(noTenant.statusCode()).isEqualTo(404);
    assertThat(noTenant.body()).contains("There is no tenant &ldquo;nobody&rdquo;.");
    assertThat(noAgent.statusCode()).isEqualTo(404);
    assertThat(noAgent.body()).contains("has no agent &ldquo;zoe&rdquo;");
    assertThat(otherTenantsAgent.statusCode()).isEqualTo(404);
    assertThat(malformed.statusCode()).isEqualTo(404);
  }

  @Test
  void assets_areServed() {
    assertThat(http.get("/assets/agent-app.js").status()).isEqualTo(200);
    assertThat(http.get("/assets/agent-app.js").body()).contains("'Tandem-Principal'");
    assertThat(http.get("/assets/agent-app.css").status()).isEqualTo(200);
  }

  @Test
  void desk_ofALoggedOutAgent_hasTheStateAndTheConfiguredReasons() {
    JsonNode desk = http.get("/api/v1/tenants/shop/agents/ben/desk").json();

    assertThat(desk.get("agent").get("id").asString()).isEqualTo("ben");
    assertThat(desk.get("agent").get("state").asString()).isEqualTo("OFFLINE");
    assertThat(desk.get("offer").isNull()).isTrue();
    assertThat(desk.get("interaction").isNull()).isTrue();
    assertThat(desk.get("notReadyReasons").toString()).isEqualTo("[\"lunch\",\"coaching\"]");
    assertThat(Instant.parse(desk.get("now").asString())).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void desk_followsAnOfferTheCallAndWrapUp() {
    Http anna = server.http().as("anna");
    assertThat(anna.post("/api/v1/tenants/shop/agents/anna/login", "{}").status()).isEqualTo(200);
    tell(
        t -> {
          InteractionId call =
              t.arrive(
                  new InteractionId("call-1"),
                  Channel.VOICE,
                  "+4930111",
                  "+4930999",
                  Map.of("account", "4711"));
          t.enqueue(call, new QueueId("billing"), null);
        });

    JsonNode offered = anna.get("/api/v1/tenants/shop/agents/anna/desk").json();
    assertThat(offered.get("agent").get("state").asString()).isEqualTo("RESERVED");
    JsonNode offer = offered.get("offer");
    assertThat(offer.get("interaction").get("from").asString()).isEqualTo("+4930111");
    assertThat(offer.get("interaction").get("queueName").asString()).isEqualTo("Billing");
    assertThat(offer.get("interaction").get("waitingSince").isNull()).isFalse();
    assertThat(Instant.parse(offer.get("deadline").asString())).isAfter(Instant.now());

    tell(
        t ->
            t.acceptOffer(t.state().agent(new io.tandem.core.agent.AgentId("anna")).reservation()));
    JsonNode talking = anna.get("/api/v1/tenants/shop/agents/anna/desk").json();
    assertThat(talking.get("agent").get("state").asString()).isEqualTo("BUSY");
    assertThat(talking.get("offer").isNull()).isTrue();
    assertThat(talking.get("interaction").get("state").asString()).isEqualTo("CONNECTED");
    assertThat(talking.get("interaction").get("attributes").get("account").asString())
        .isEqualTo("4711");

    tell(t -> t.customerHungUp(new InteractionId("call-1")));
    JsonNode wrapUp = anna.get("/api/v1/tenants/shop/agents/anna/desk").json();
    assertThat(wrapUp.get("agent").get("state").asString()).isEqualTo("WRAP_UP");
    assertThat(Instant.parse(wrapUp.get("agent").get("wrapUpUntil").asString()))
        .isAfter(Instant.now().plusSeconds(60));
    assertThat(wrapUp.get("interaction").get("state").asString()).isEqualTo("WRAP_UP");

    assertThat(anna.post("/api/v1/tenants/shop/agents/anna/wrap-up", "{}").status()).isEqualTo(200);
    JsonNode ready = anna.get("/api/v1/tenants/shop/agents/anna/desk").json();
    assertThat(ready.get("agent").get("state").asString()).isEqualTo("READY");
    assertThat(ready.get("agent").get("wrapUpUntil").isNull()).isTrue();
    assertThat(ready.get("interaction").isNull()).isTrue();
  }

  @Test
  void desk_rejectsUnknownTenantsAndAgents_andAnotherTenantsAgent() {
    Answer noTenant = http.get("/api/v1/tenants/nobody/agents/anna/desk");
    Answer noAgent = http.get("/api/v1/tenants/shop/agents/zoe/desk");
    Answer otherTenant = http.get("/api/v1/tenants/other/agents/anna/desk");
    Answer malformed = http.get("/api/v1/tenants/shop/agents/%20/desk");

    assertThat(noTenant.status()).isEqualTo(404);
    assertThat(noAgent.status()).isEqualTo(404);
    assertThat(noAgent.json().get("detail").asString()).contains("no agent 'zoe'");
    assertThat(otherTenant.status()).isEqualTo(404);
    assertThat(malformed.status()).isEqualTo(400);
  }

  @Test
  void notReadyReasons_dropBlanksAndDuplicates_andRefuseOverlongOnes() {
    assertThat(new NotReadyReasons(java.util.List.of(" lunch", "", "lunch", "break")).all())
        .containsExactly("lunch", "break");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new NotReadyReasons(java.util.List.of("x".repeat(101))));
  }

  private static void tell(java.util.function.Consumer<io.tandem.core.tenant.Tenant> command) {
    server.bean(TenantRegistry.class).tenant(SHOP).tell(command).join();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server.base().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
