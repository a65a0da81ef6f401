package io.tandem.emulator.graph.presence;

import static io.tandem.emulator.EmulatorFixture.BOT_APP;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * setPresence, clearPresence, setUserPreferredPresence, clearUserPreferredPresence and
 * setStatusMessage over HTTP: precedence, expiry and fading on the manual clock, refusals.
 */
class PresenceWriteTest {

  private static final String USER = "/users/" + ALICE + "/presence";

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

  @ParameterizedTest(name = "client {0} + app {1} + preferred {2} → {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Available/Available       | -                      | -                         | Available/Available
          Available/Available       | Busy/InACall           | -                         | Busy/InACall
          DoNotDisturb/DoNotDisturb | Busy/InACall           | -                         | DoNotDisturb/DoNotDisturb
          Away/Away                 | Available/Available    | -                         | Available/Available
          Busy/InAMeeting           | Away/Away              | -                         | Busy/InAMeeting
          Offline/OffWork           | Away/Away              | -                         | Away/Away
          Offline/OffWork           | Busy/InAConferenceCall | -                         | Busy/InAConferenceCall
          Available/Available       | Busy/InACall           | Away/Away                 | Away/Away
          DoNotDisturb/DoNotDisturb | -                      | Available/Available       | Available/Available
          Offline/OffWork           | -                      | DoNotDisturb/DoNotDisturb | Offline/OffWork
          Offline/OffWork           | Available/Available    | DoNotDisturb/DoNotDisturb | DoNotDisturb/DoNotDisturb
          """)
  void precedence(String client, String app, String preferred, String expected) throws Exception {
    String[] clientPair = client.split("/");
    graph.scriptClient(ALICE, clientPair[0], clientPair[1]);
    if (!app.equals("-")) {
      assertThat(setPresence(app, "PT1H").statusCode()).isEqualTo(200);
    }
    if (!preferred.equals("-")) {
      assertThat(setPreferred(preferred, null).statusCode()).isEqualTo(200);
    }

    assertThat(graph.presenceOf(ALICE)).isEqualTo(expected);
  }

  @Test
  void availableSession_fadesToInactiveThenAway_andExpiresToOffline() throws Exception {
    graph.scriptClient(ALICE, "Offline", "OffWork");
    setPresence("Available/Available", "PT1H");
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");

    fixture.clock.advance(Duration.ofMinutes(5));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("AvailableIdle/Inactive");
    fixture.clock.advance(Duration.ofMinutes(5));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Away/Away");
    fixture.clock.advance(Duration.ofMinutes(50));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Offline/OffWork");
  }

  @Test
  void refreshingTheSession_beforeTheTimeout_keepsItAvailable() throws Exception {
    graph.scriptClient(ALICE, "Offline", "OffWork");
    setPresence("Available/Available", "PT1H");
    fixture.clock.advance(Duration.ofMinutes(4));
    setPresence("Available/Available", "PT1H");
    fixture.clock.advance(Duration.ofMinutes(4));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");

    fixture.clock.advance(Duration.ofMinutes(6));
    setPresence("Available/Available", "PT1H"); // a refresh after fading brings it back
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");
  }

  @Test
  void busySession_doesNotFade_andExpiresAfterTheDefaultFiveMinutes() throws Exception {
    graph.scriptClient(ALICE, "Offline", "OffWork");
    setPresence("Busy/InACall", null);
    fixture.clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Busy/InACall");

    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Offline/OffWork");
  }

  @Test
  void clearPresence_endsTheSession_andASecondClearIs404() throws Exception {
    setPresence("Busy/InACall", "PT1H");
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Busy/InACall");

    HttpResponse<String> cleared =
        graph.post(USER + "/clearPresence", "{\"sessionId\":\"" + BOT_APP + "\"}");
    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(cleared.body()).isEmpty();
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");

    assertGraphError(
        graph.post(USER + "/clearPresence", "{\"sessionId\":\"" + BOT_APP + "\"}"),
        404,
        "NotFound");
  }

  @Test
  void preferredPresence_defaultExpiry_isOneDayForBusy_andSevenDaysOtherwise() throws Exception {
    setPreferred("Busy/Busy", null);
    fixture.clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Busy/Busy");
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");

    setPreferred("BeRightBack/BeRightBack", null);
    fixture.clock.advance(Duration.ofDays(7).minusSeconds(1));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("BeRightBack/BeRightBack");
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");
  }

  @Test
  void preferredPresence_explicitExpiry_andClear() throws Exception {
    setPreferred("DoNotDisturb/DoNotDisturb", "PT8H");
    assertThat(graph.presenceOf(ALICE)).isEqualTo("DoNotDisturb/DoNotDisturb");

    HttpResponse<String> cleared = graph.post(USER + "/clearUserPreferredPresence", "{}");

    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");
  }

  @Test
  void documentedExamples_areAccepted() throws Exception {
    graph.scriptClient(ALICE, "Offline", "OffWork");
    String setPresence =
        PresenceReadTest.fixture("set-presence-request.json").replace("{appId}", BOT_APP);
    assertThat(graph.post(USER + "/setPresence", setPresence).statusCode()).isEqualTo(200);
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Available/Available");

    assertThat(
            graph
                .post(
                    USER + "/setUserPreferredPresence",
                    PresenceReadTest.fixture("set-user-preferred-presence-request.json"))
                .statusCode())
        .isEqualTo(200);
    assertThat(graph.presenceOf(ALICE)).isEqualTo("DoNotDisturb/DoNotDisturb");
  }

  @Test
  void statusMessage_isShownUntilItsExpiry() throws Exception {
    HttpResponse<String> set =
        graph.post(
            USER + "/setStatusMessage",
            """
            {"statusMessage":{"message":{"content":"Back at 10","contentType":"text"},
             "expiryDateTime":{"dateTime":"2026-11-21T10:00:00.0000000","timeZone":"UTC"}}}
            """);
    assertThat(set.statusCode()).isEqualTo(200);
    JsonNode shown = Json.parse(graph.get(USER).body()).path("statusMessage");
    assertThat(shown.path("message").path("content").asString()).isEqualTo("Back at 10");
    assertThat(shown.path("publishedDateTime").asString()).isEqualTo("2026-11-21T09:00:00Z");

    fixture.clock.advance(Duration.ofHours(1));

    assertThat(Json.parse(graph.get(USER).body()).path("statusMessage").isNull()).isTrue();
  }

  @Test
  void refusals_areGraphErrors() throws Exception {
    String sessionId = "\"sessionId\":\"" + BOT_APP + "\"";
    assertGraphError(
        graph.post(
            USER + "/setPresence",
            "{" + sessionId + ",\"availability\":\"Busy\",\"activity\":\"Busy\"}"),
        400,
        "BadRequest");
    assertGraphError(
        graph.post(
            USER + "/setPresence",
            "{" + sessionId + ",\"availability\":\"busy\",\"activity\":\"InACall\"}"),
        400,
        "BadRequest");
    assertGraphError(setPresence("Available/Available", "PT4M"), 400, "BadRequest");
    assertGraphError(setPresence("Available/Available", "PT4H1M"), 400, "BadRequest");
    assertGraphError(setPresence("Available/Available", "an hour"), 400, "BadRequest");
    assertGraphError(
        graph.post(
            USER + "/setPresence",
            "{\"sessionId\":\"someone-else\",\"availability\":\"Away\",\"activity\":\"Away\"}"),
        400,
        "BadRequest");
    assertGraphError(
        graph.post(USER + "/setPresence", "{\"availability\":\"Away\",\"activity\":\"Away\"}"),
        400,
        "BadRequest");
    assertGraphError(graph.post(USER + "/setPresence", "{not json"), 400, "BadRequest");
    assertGraphError(setPreferred("Busy/InACall", null), 400, "BadRequest");
    assertGraphError(setPreferred("Offline/Offline", null), 400, "BadRequest");
    assertGraphError(
        graph.post(
            "/users/99999999-9999-4999-8999-999999999999/presence/setPresence",
            "{" + sessionId + ",\"availability\":\"Away\",\"activity\":\"Away\"}"),
        404,
        "Request_ResourceNotFound");
    assertGraphError(
        graph.post(USER + "/setStatusMessage", "{\"statusMessage\":{}}"), 400, "BadRequest");
  }

  @Test
  void namespaceQualifiedActions_andCommunicationsPaths_areRoutedToo() throws Exception {
    HttpResponse<String> qualified =
        graph.post(
            USER + "/microsoft.graph.setPresence",
            "{\"sessionId\":\"" + BOT_APP + "\",\"availability\":\"Away\",\"activity\":\"Away\"}");
    HttpResponse<String> communications =
        graph.post(
            "/communications/presences/" + ALICE + "/setUserPreferredPresence",
            "{\"availability\":\"Busy\",\"activity\":\"Busy\"}");

    assertThat(qualified.statusCode()).isEqualTo(200);
    assertThat(communications.statusCode()).isEqualTo(200);
    assertThat(graph.presenceOf(ALICE)).isEqualTo("Busy/Busy");
  }

  private HttpResponse<String> setPresence(String pair, String duration) throws Exception {
    String[] parts = pair.split("/");
    return graph.post(
        USER + "/setPresence",
        "{\"sessionId\":\""
            + BOT_APP
            + "\",\"availability\":\""
            + parts[0]
            + "\",\"activity\":\""
            + parts[1]
            + "\""
            + (duration == null ? "" : ",\"expirationDuration\":\"" + duration + "\"")
            + "}");
  }

  private HttpResponse<String> setPreferred(String pair, String duration) throws Exception {
    String[] parts = pair.split("/");
    return graph.post(
        USER + "/setUserPreferredPresence",
        "{\"availability\":\""
            + parts[0]
            + "\",\"activity\":\""
            + parts[1]
            + "\""
            + (duration == null ? "" : ",\"expirationDuration\":\"" + duration + "\"")
            + "}");
  }
}
