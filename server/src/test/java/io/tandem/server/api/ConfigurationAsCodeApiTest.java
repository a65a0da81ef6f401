package io.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.Channel;
import io.tandem.core.queue.QueueId;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.Http.Answer;
import io.tandem.server.testing.RunningServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/tenants/{t}/configuration}: export, apply all-or-nothing, dry run, rejects. */
class ConfigurationAsCodeApiTest {

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;

  /** A configuration with one of everything, queues overflowing to each other. */
  static final String DOCUMENT =
      """
      skills:
        - name: billing
          description: Invoices and payments
        - name: sales
      businessHours:
        - name: office
          zone: Europe/Berlin
          weekly:
            - {day: MONDAY, opens: "09:00", closes: "17:00"}
            - {day: TUESDAY, opens: "09:00", closes: "24:00"}
          holidaySets:
            - name: de
              holidays:
                - {date: "2026-12-25", name: Christmas Day}
                - date: "2026-12-24"
                  name: Christmas Eve
                  openHours: [{opens: "09:00", closes: "12:00"}]
      wrapUpCodes:
        - {code: sale, label: Sale closed}
        - {code: no-sale, label: No sale}
      agents:
        - id: anna
          name: Anna
          skills: {billing: 4, sales: 2}
          languages: [de, en]
        - id: ben
      queues:
        - id: billing
          businessHours: office
          stages:
            - {skills: billing >= 3}
            - {after: 30s, skills: billing}
          maxWait: 5m
          overflowAction: {kind: ToQueue, queue: sales}
        - id: sales
          members: [anna, ben]
          strategy: SERIAL
          overflowAction: {kind: ToQueue, queue: billing}
          announcements: {interval: none}
      flows:
        - id: main
          name: Main menu
          start: hours
          nodes:
            hours: {kind: CheckHours, businessHours: office, open: menu, closed: bye}
            menu:
              kind: Menu
              prompt: {kind: Text, text: "Press 1 for billing, 2 for sales"}
              choices: {"1": billing, "2": sales}
              timeout: 5s
              maxRetries: 2
              noInput: bye
            billing: {kind: RouteToQueue, queue: billing, priority: 10}
            sales: {kind: RouteToQueue, queue: sales}
            bye: {kind: HangUp, reason: closed}
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
    http.put("/api/v1/tenants/" + id, "{\"name\": \"T\"}");
    return "/api/v1/tenants/" + id + "/configuration";
  }

  private static Answer apply(String path, String yaml) {
    return http.send("PUT", path, yaml, "application/yaml");
  }

  @Test
  void apply_thenExport_thenApplyElsewhere_roundTripsToAnIdenticalExport() {
    String first = tenant("rt1");
    String second = tenant("rt2");

    Answer applied = apply(first, DOCUMENT);
    String exported = http.get(first).body();
    Answer again = apply(second, exported);

    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(applied.json().get("changes").get("queues").get("created").size()).isEqualTo(2);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(http.get(second).body()).isEqualTo(exported);
    assertThat(apply(first, exported).json().get("changes").get("flows").get("unchanged").asInt())
        .isEqualTo(1);
    assertThat(http.get(first).contentType()).startsWith("application/yaml");
    assertThat(exported).contains("closes: 24:00").contains("interval: none");
  }

  @Test
  void export_asJson_whenAskedFor() {
    String path = tenant("json1");
    apply(path, DOCUMENT);

    Answer json = http.sendWithAccept(path, "application/json");

    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.json().get("queues").get(0).get("id").asString()).isEqualTo("billing");
    Answer back = http.put(tenant("json2"), json.body());
    assertThat(back.status()).as(back.body()).isEqualTo(200);
  }

  @Test
  void apply_removesWhatTheDocumentLeavesOut() {
    String path = tenant("remove");
    apply(path, DOCUMENT);

    Answer applied = apply(path, "skills: [{name: billing}]\n");

    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(applied.json().get("changes").get("queues").get("removed").size()).isEqualTo(2);
    assertThat(http.get("/api/v1/tenants/remove/queues").json().size()).isZero();
    assertThat(http.get("/api/v1/tenants/remove/skills").json().findValuesAsString("name"))
        .containsExactly("billing");
  }

  @Test
  void dryRun_reportsChanges_andChangesNothing() {
    String path = tenant("dry");

    Answer dry = http.send("PUT", path + "?dryRun=true", DOCUMENT, "application/yaml");

    assertThat(dry.status()).isEqualTo(200);
    assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
    assertThat(dry.json().get("changes").get("agents").get("created").size()).isEqualTo(2);
    assertThat(http.get("/api/v1/tenants/dry/agents").json().size()).isZero();
  }

  @Test
  void invalidDocument_listsEveryProblemWithItsPath_andChangesNothing() {
    String path = tenant("bad");
    String bad =
        DOCUMENT
            .replace("billing >= 3", "billng >= 3")
            .replace("queue: sales}", "queue: nowhere}")
            .replace("zone: Europe/Berlin", "zone: Mars/Olympus")
            .replace("queue: sales}\n", "queue: sails}\n");

    Answer answer = apply(path, bad);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("problems").findValuesAsString("field"))
        .contains(
            "businessHours[0].zone",
            "queues[0].stages[0].skills",
            "queues[0].overflowAction.queue",
            "queues[0].businessHours",
            "flows[0].nodes.sales.queue");
    assertThat(http.get("/api/v1/tenants/bad/agents").json().size()).isZero();
  }

  @Test
  void malformedOrUnknownFields_are400NamingTheField() {
    String path = tenant("syntax");
    Answer malformed = apply(path, "queues: [ {id: a\n");
    Answer unknown = apply(path, "queues:\n  - id: a\n    colour: red\n");
    Answer duplicate = apply(path, "queues:\n  - id: a\n  - id: a\n");

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("field").asString()).isEqualTo("queues[0].colour");
    assertThat(duplicate.json().get("field").asString()).isEqualTo("queues[1].id");
    assertThat(http.put(path, "{\"queues\": 3}").status()).isEqualTo(400);
    assertThat(apply("/api/v1/tenants/nobody/configuration", DOCUMENT).status()).isEqualTo(404);
  }

  @Test
  void removingAQueueWithWaitingCallers_is409_andChangesNothing() {
    String path = tenant("busy");
    apply(path, "agents: [{id: anna}, {id: ben}]\nqueues: [{id: billing}]\n");
    server
        .bean(TenantRegistry.class)
        .tenant(new TenantId("busy"))
        .tell(
            t ->
                t.enqueue(
                    t.arrive(null, Channel.VOICE, "+4930111", "+4930222", Map.of()),
                    new QueueId("billing"),
                    null))
        .join();

    Answer answer = apply(path, "agents: [{id: carl}]\n");

    assertThat(answer.status()).as(answer.body()).isEqualTo(409);
    assertThat(http.get("/api/v1/tenants/busy/agents").json().findValuesAsString("id"))
        .containsExactly("anna", "ben");
  }
}
