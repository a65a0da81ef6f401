package io.tandem.emulator.graph.presence;

import static io.tandem.emulator.graph.presence.PresenceReadTest.assertGraphError;
import static io.tandem.emulator.graph.presence.PresenceTestClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graph's read limit per app per tenant and API, and the switches for tests. */
class PresenceThrottlingTest {

  private static final String BULK = "/communications/getPresencesByUserId";
  private static final String IDS = "{\"ids\":[\"" + ALICE + "\"]}";

  private EmulatorFixture fixture;
  private PresenceTestClient graph;

  @BeforeEach
  void start() throws Exception {
    fixture = new EmulatorFixture();
    graph = new PresenceTestClient(fixture);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void defaults_areGraphsDocumentedLimit() throws Exception {
    JsonSettings settings = JsonSettings.read(fixture);
    assertThat(settings.json)
        .contains(
            "\"throttling\":true", "\"throttleRequests\":1500", "\"throttleWindow\":\"PT30S\"");
  }

  @Test
  void overTheLimit_is429WithRetryAfter_untilTheWindowEnds() throws Exception {
    put("{\"throttleRequests\":3,\"throttleWindow\":\"PT30S\"}");
    for (int i = 0; i < 3; i++) {
      assertThat(graph.post(BULK, IDS).statusCode()).isEqualTo(200);
    }
    fixture.clock.advance(Duration.ofSeconds(10));

    HttpResponse<String> throttled = graph.post(BULK, IDS);

    assertGraphError(throttled, 429, "TooManyRequests");
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("20");
    assertThat(graph.get("/users/" + ALICE + "/presence").statusCode())
        .as("single gets have their own window")
        .isEqualTo(200);
    fixture.clock.advance(Duration.ofSeconds(20));
    assertThat(graph.post(BULK, IDS).statusCode()).isEqualTo(200);
  }

  @Test
  void limitsArePerApp() throws Exception {
    put("{\"throttleRequests\":1}");
    PresenceTestClient reader =
        new PresenceTestClient(
            fixture, PresenceTestClient.READER_APP, PresenceTestClient.READER_SECRET);
    assertThat(graph.post(BULK, IDS).statusCode()).isEqualTo(200);
    assertThat(graph.post(BULK, IDS).statusCode()).isEqualTo(429);

    assertThat(reader.post(BULK, IDS).statusCode()).isEqualTo(200);
  }

  @Test
  void throttlingOff_neverRefuses() throws Exception {
    put("{\"throttling\":false,\"throttleRequests\":1}");

    for (int i = 0; i < 5; i++) {
      assertThat(graph.post(BULK, IDS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void settings_refuseUnknownOrInvalidValues() throws Exception {
    assertThat(send("{\"throttleRequests\":0}").statusCode()).isEqualTo(400);
    assertThat(send("{\"throttleWindow\":\"soon\"}").statusCode()).isEqualTo(400);
    assertThat(send("{\"speed\":1}").statusCode()).isEqualTo(400);
    assertThat(send("[").statusCode()).isEqualTo(400);
  }

  private void put(String json) throws Exception {
    HttpResponse<String> response = send(json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private HttpResponse<String> send(String json) throws Exception {
    return fixture.send("PUT", "/emulator/graph/presence/settings", "application/json", json);
  }

  /** The settings document as text. */
  private record JsonSettings(String json) {
    static JsonSettings read(EmulatorFixture fixture) throws Exception {
      return new JsonSettings(
          Json.text(Json.parse(fixture.get("/emulator/graph/presence/settings").body())));
    }
  }
}
