package io.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.Channel;
import io.tandem.core.queue.QueueId;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.Http.Answer;
import io.tandem.server.testing.RunningServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration CRUD endpoints (agents, skills, queues, flows, business hours, wrap-up codes)
 * over real HTTP: happy paths, and every kind of reject (400 naming the field, 404, 409).
 */
class ConfigurationCrudApiTest {

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;

  static final String OFFICE =
      """
      {"zone": "Europe/Berlin",
       "weekly": [{"day": "MONDAY", "opens": "09:00", "closes": "17:00"}],
       "holidaySets": [{"name": "de", "holidays": [
         {"date": "2026-12-25", "name": "Christmas Day"},
         {"date": "2026-12-24", "name": "Christmas Eve",
          "openHours": [{"opens": "09:00", "closes": "24:00"}]}]}]}
      """;

  @BeforeAll
  static void start() {
    server = RunningServer.start(directory);
    http = server.http().as("alice");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String tenant(String id) {
    assertThat(http.put("/api/v1/tenants/" + id, "{\"name\": \"T\"}").status()).isEqualTo(201);
    return "/api/v1/tenants/" + id;
  }

  private static void onWriter(String tenant, Consumer<Tenant> command) {
    server.bean(TenantRegistry.class).tenant(new TenantId(tenant)).tell(command).join();
  }

  private static void assertProblem(Answer answer, int status, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(answer.json().get("field").asString()).as(answer.body()).isEqualTo(field);
    }
  }

  @Test
  void agent_putCreatesThenReplaces_getShowsLiveStatus_deleteRemoves() {
    String t = tenant("agents1");
    Answer created =
        http.put(
            t + "/agents/anna",
            "{\"name\": \"Anna\", \"skills\": {\"billing\": 4}, \"languages\": [\"de\"]}");
    Answer replaced = http.put(t + "/agents/anna", "{\"name\": \"Anna M\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("capacity").get("VOICE").asInt()).isEqualTo(1);
    assertThat(replaced.status()).isEqualTo(200);
    Answer got = http.get(t + "/agents/anna");
    assertThat(got.json().get("name").asString()).isEqualTo("Anna M");
    assertThat(got.json().get("status").get("state").asString()).isEqualTo("OFFLINE");
    assertThat(http.get(t + "/agents").json().findValuesAsString("id")).containsExactly("anna");
    assertThat(http.delete(t + "/agents/anna").status()).isEqualTo(204);
    assertProblem(http.get(t + "/agents/anna"), 404, null);
    assertProblem(http.delete(t + "/agents/anna"), 404, null);
  }

  @Test
  void agent_rejects() {
    String t = tenant("agents2");
    assertProblem(
        http.put(t + "/agents/anna", "{\"skills\": {\"Billing\": 4}}"), 400, "skills.Billing");
    assertProblem(
        http.put(t + "/agents/anna", "{\"skills\": {\"billing\": 9}}"), 400, "skills.billing");
    assertProblem(http.put(t + "/agents/anna", "{\"colour\": \"red\"}"), 400, "colour");
    assertProblem(http.put(t + "/agents/anna", "{\"name\": 7}"), 400, "name");
    assertProblem(http.put(t + "/agents/anna", "{\"id\": \"bob\"}"), 400, "id");
    assertProblem(http.put(t + "/agents/anna", "{\"name\": "), 400, null);
    assertProblem(http.put(t + "/agents/has%20space", "{}"), 400, "agent");
    assertProblem(http.put("/api/v1/tenants/nobody/agents/anna", "{}"), 404, null);

    http.put(t + "/agents/anna", "{}");
    onWriter("agents2", tenant -> tenant.logIn(new AgentId("anna"), true));
    assertProblem(http.delete(t + "/agents/anna"), 409, null);
  }

  @Test
  void skillsAndWrapUpCodes_crud() {
    String t = tenant("catalogue");
    assertThat(http.put(t + "/skills/billing", "{\"description\": \"Invoices\"}").status())
        .isEqualTo(201);
    assertThat(http.put(t + "/skills/billing", "{}").status()).isEqualTo(200);
    assertThat(http.get(t + "/skills/billing").json().get("description").asString()).isEmpty();
    assertProblem(http.put(t + "/skills/Billing", "{}"), 400, "name");
    assertThat(http.put(t + "/wrap-up-codes/sale", "{\"label\": \"Sale\"}").status())
        .isEqualTo(201);
    assertThat(http.put(t + "/wrap-up-codes/lost", "{\"label\": \"Lost\"}").status())
        .isEqualTo(201);
    assertProblem(http.put(t + "/wrap-up-codes/x", "{}"), 400, "label");
    assertThat(http.get(t + "/wrap-up-codes").json().findValuesAsString("code"))
        .containsExactly("sale", "lost");
    assertThat(http.delete(t + "/wrap-up-codes/sale").status()).isEqualTo(204);
    assertThat(http.delete(t + "/skills/billing").status()).isEqualTo(204);
    assertProblem(http.get(t + "/skills/billing"), 404, null);
  }

  @Test
  void businessHours_crud_andDeletingHoursAQueueUses_is409() {
    String t = tenant("hours");
    assertThat(http.put(t + "/business-hours/office", OFFICE).status()).isEqualTo(201);
    Answer got = http.get(t + "/business-hours/office");
    assertThat(got.json().get("holidaySets").get(0).get("holidays").get(0).get("name").asString())
        .isEqualTo("Christmas Eve");
    assertProblem(http.put(t + "/business-hours/bad", "{\"zone\": \"Mars/Olympus\"}"), 400, "zone");
    assertProblem(
        http.put(
            t + "/business-hours/bad",
            "{\"zone\": \"UTC\", \"weekly\": [{\"day\": \"MONDAY\", \"opens\": \"17:00\","
                + " \"closes\": \"09:00\"}]}"),
        400,
        "weekly[0]");
    http.put(t + "/queues/sales", "{\"businessHours\": \"office\"}");

    assertProblem(http.delete(t + "/business-hours/office"), 409, null);
    assertThat(http.delete(t + "/queues/sales").status()).isEqualTo(204);
    assertThat(http.delete(t + "/business-hours/office").status()).isEqualTo(204);
  }

  @Test
  void queue_crud_withDefaultsAsDocumented() {
    String t = tenant("queues1");
    http.put(t + "/skills/billing", "{}");
    Answer created =
        http.put(
            t + "/queues/billing",
            """
            {"name": "Billing", "stages": [{"skills": "billing >= 2"}, {"after": "30s", "skills": "any"}],
             "overflowAction": {"kind": "OfferCallback"}, "maxWait": "5m"}
            """);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Answer got = http.get(t + "/queues/billing");
    assertThat(got.json().get("strategy").asString()).isEqualTo("LONGEST_IDLE");
    assertThat(got.json().get("ringTimeout").asString()).isEqualTo("15s");
    assertThat(got.json().get("stages").get(1).get("after").asString()).isEqualTo("30s");
    assertThat(http.put(t + "/queues/billing", "{}").status()).isEqualTo(200);
    assertThat(http.get(t + "/queues").json().findValuesAsString("id")).containsExactly("billing");
  }

  @Test
  void queue_rejects_namingTheField() {
    String t = tenant("queues2");
    assertProblem(http.put(t + "/queues/q", "{\"businessHours\": \"nope\"}"), 400, "businessHours");
    assertProblem(
        http.put(t + "/queues/q", "{\"stages\": [{\"skills\": \"unknown >= 2\"}]}"),
        400,
        "stages[0].skills");
    assertProblem(
        http.put(t + "/queues/q", "{\"stages\": [{\"skills\": \"billing >=\"}]}"),
        400,
        "stages[0].skills");
    assertProblem(
        http.put(
            t + "/queues/q", "{\"overflowAction\": {\"kind\": \"ToQueue\", \"queue\": \"x\"}}"),
        400,
        "overflowAction.queue");
    assertProblem(
        http.put(t + "/queues/q", "{\"overflowAction\": {\"kind\": \"Teleport\"}}"),
        400,
        "overflowAction.kind");
    assertProblem(http.put(t + "/queues/q", "{\"ringTimeout\": \"soon\"}"), 400, "ringTimeout");
    assertProblem(http.put(t + "/queues/q", "{\"strategy\": \"FASTEST\"}"), 400, "strategy");
    assertProblem(http.put(t + "/queues/q", "{\"members\": [\"ghost\"]}"), 400, "members[0]");
    assertProblem(http.put(t + "/queues/q", "{\"priority\": 101}"), 400, "queue");
    Answer many =
        http.put(t + "/queues/q", "{\"strategy\": \"FASTEST\", \"ringTimeout\": \"soon\"}");
    assertThat(many.json().get("problems").findValuesAsString("field"))
        .containsExactlyInAnyOrder("strategy", "ringTimeout");
    assertProblem(http.get(t + "/queues/q"), 404, null);
  }

  @Test
  void queue_deleteWithAWaitingCaller_is409() {
    String t = tenant("queues3");
    http.put(t + "/queues/sales", "{}");
    onWriter(
        "queues3",
        tenant ->
            tenant.enqueue(
                tenant.arrive(null, Channel.VOICE, "+4930111", "+4930222", Map.of()),
                new QueueId("sales"),
                null));

    assertProblem(http.delete(t + "/queues/sales"), 409, null);
  }

  @Test
  void flow_crud_andAFlowNamingAnUnknownQueue_is400NamingTheNodeField() {
    String t = tenant("flows");
    String flow =
        """
        {"name": "Main", "start": "menu", "nodes": {
          "menu": {"kind": "Menu", "prompt": {"kind": "Text", "text": "Press 1"},
                   "choices": {"1": "sales"}, "timeout": "5s", "maxRetries": 2, "noInput": "bye"},
          "sales": {"kind": "RouteToQueue", "queue": "sales"},
          "bye": {"kind": "HangUp", "reason": "no-input"}}}
        """;
    assertProblem(http.put(t + "/flows/main", flow), 400, "nodes.sales.queue");
    http.put(t + "/queues/sales", "{}");

    Answer created = http.put(t + "/flows/main", flow);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(http.get(t + "/flows/main").json().get("nodes").propertyNames())
        .containsExactly("menu", "sales", "bye");
    assertProblem(http.delete(t + "/queues/sales"), 409, null);
    assertProblem(
        http.put(t + "/flows/main", flow.replace("\"5s\"", "\"soon\"")), 400, "nodes.menu.timeout");
    assertProblem(
        http.put(t + "/flows/main", flow.replace("HangUp", "Teleport")), 400, "nodes.bye.kind");
    assertThat(http.delete(t + "/flows/main").status()).isEqualTo(204);
    assertThat(http.delete(t + "/queues/sales").status()).isEqualTo(204);
  }

  @Test
  void configuration_survivesARestart() {
    Path own = directory.resolve("restart");
    try (RunningServer first = RunningServer.start(own)) {
      Http h = first.http();
      h.put("/api/v1/tenants/r", "{\"name\": \"R\"}");
      h.put("/api/v1/tenants/r/business-hours/office", OFFICE);
      h.put("/api/v1/tenants/r/skills/billing", "{\"description\": \"Invoices\"}");
      h.put("/api/v1/tenants/r/wrap-up-codes/sale", "{\"label\": \"Sale\"}");
      h.put("/api/v1/tenants/r/queues/sales", "{}");
      h.put(
          "/api/v1/tenants/r/flows/main",
          "{\"name\": \"M\", \"start\": \"q\", \"nodes\": {\"q\": {\"kind\": \"RouteToQueue\","
              + " \"queue\": \"sales\"}}}");
    }
    try (RunningServer second = RunningServer.start(own)) {
      Http h = second.http();
      assertThat(h.get("/api/v1/tenants/r/business-hours/office").status()).isEqualTo(200);
      assertThat(h.get("/api/v1/tenants/r/skills/billing").json().get("description").asString())
          .isEqualTo("Invoices");
      assertThat(h.get("/api/v1/tenants/r/wrap-up-codes/sale").status()).isEqualTo(200);
      assertThat(h.get("/api/v1/tenants/r/flows/main").status()).isEqualTo(200);
    }
  }
}
