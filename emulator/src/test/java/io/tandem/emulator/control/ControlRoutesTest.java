package io.tandem.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.pstn.PstnTerminator;
import io.tandem.emulator.world.ClientBehaviour.Response;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlRoutesTest {

  private final EmulatorFixture fixture;
  private final List<CallerScript> dialled = new ArrayList<>();

  ControlRoutesTest() throws Exception {
    fixture = new EmulatorFixture();
    fixture
        .emulator
        .pstn()
        .add(
            new PstnTerminator() {
              @Override
              public String name() {
                return "test";
              }

              @Override
              public boolean serves(String e164) {
                return e164.startsWith("+4420794600");
              }

              @Override
              public Optional<String> dial(CallerScript script) {
                dialled.add(script);
                return script.to().endsWith("9")
                    ? Optional.empty()
                    : Optional.of("call-" + dialled.size());
              }
            });
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void health_andWorld_describeTheEmulator() throws Exception {
    JsonNode health = Json.parse(fixture.get("/emulator/health").body());
    assertThat(health.path("status").asString()).isEqualTo("up");
    assertThat(health.path("pstnTerminators").toString()).contains("test");

    JsonNode world = Json.parse(fixture.get("/emulator/world").body());
    assertThat(world.at("/tenants/0/users/0/userPrincipalName").asString())
        .isEqualTo("alice@contoso.test");
  }

  @Test
  void changeClient_updatesTheUser_andRefusesBadInput() throws Exception {
    String alice = "/emulator/users/11111111-aaaa-4bbb-8ccc-000000000001/client";
    HttpResponse<String> changed =
        fixture.send(
            "PUT", alice, "application/json", "{\"answerAfter\":\"PT5S\",\"response\":\"BUSY\"}");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(
            fixture
                .emulator
                .world()
                .user("11111111-aaaa-4bbb-8ccc-000000000001")
                .orElseThrow()
                .client()
                .response())
        .isEqualTo(Response.BUSY);

    assertProblem(fixture.send("PUT", alice, "application/json", "{\"response\":\"MAYBE\"}"), 400);
    assertProblem(
        fixture.send("PUT", alice, "application/json", "{\"answerAfter\":\"-PT1S\"}"), 400);
    assertProblem(fixture.send("PUT", alice, "application/json", "{\"colour\":1}"), 400);
    assertProblem(fixture.send("PUT", alice, "application/json", "not json"), 400);
    assertProblem(
        fixture.send("PUT", "/emulator/users/nobody/client", "application/json", "{}"), 404);
  }

  @Test
  void dial_handsTheScriptToTheTerminatorServingTheNumber() throws Exception {
    HttpResponse<String> placed =
        fixture.send(
            "POST",
            "/emulator/pstn/calls",
            "application/json",
            "{\"from\":\"+447700900123\",\"to\":\"+442079460010\",\"patience\":\"PT90S\","
                + "\"digits\":[{\"after\":\"PT4S\",\"digits\":\"2\"}]}");

    assertThat(placed.statusCode()).isEqualTo(201);
    assertThat(Json.parse(placed.body()).path("callId").asString()).isEqualTo("call-1");
    assertThat(dialled.get(0).digits().get(0).digits()).isEqualTo("2");

    assertProblem(
        fixture.send(
            "POST",
            "/emulator/pstn/calls",
            "application/json",
            "{\"from\":\"+447700900123\",\"to\":\"+33100000000\"}"),
        404);
    assertProblem(
        fixture.send(
            "POST",
            "/emulator/pstn/calls",
            "application/json",
            "{\"from\":\"+447700900123\",\"to\":\"+442079460019\"}"),
        409);
    assertProblem(
        fixture.send(
            "POST",
            "/emulator/pstn/calls",
            "application/json",
            "{\"from\":\"07700900123\",\"to\":\"+442079460010\"}"),
        400);
    assertProblem(
        fixture.send(
            "POST",
            "/emulator/pstn/calls",
            "application/json",
            "{\"from\":\"+447700900123\",\"to\":\"+442079460010\",\"digits\":[{\"after\":\"PT1S\",\"digits\":\"9x\"}]}"),
        400);
  }

  @Test
  void journal_isReadInOrder_withFiltersAndPaging() throws Exception {
    fixture.get("/emulator/health");
    fixture.get("/nowhere");

    JsonNode page = Json.parse(fixture.get("/emulator/journal?channel=control&kind=GET").body());
    assertThat(page.path("entries").size()).isGreaterThanOrEqualTo(2);
    long first = page.at("/entries/0/sequence").asLong();
    JsonNode next = Json.parse(fixture.get("/emulator/journal?after=" + first + "&limit=1").body());
    assertThat(next.path("entries").size()).isEqualTo(1);
    assertThat(next.at("/entries/0/sequence").asLong()).isEqualTo(first + 1);

    assertProblem(fixture.get("/emulator/journal?channel=fax"), 400);
    assertProblem(fixture.get("/emulator/journal?after=-1"), 400);
    assertThat(fixture.get("/nowhere").statusCode()).isEqualTo(404);
    assertThat(fixture.send("DELETE", "/emulator/health", "text/plain", "").statusCode())
        .isEqualTo(405);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    if (status != 404
        || response.headers().firstValue("Content-Type").orElse("").contains("problem")) {
      assertThat(Json.parse(response.body()).path("status").asInt()).isEqualTo(status);
    }
  }
}
