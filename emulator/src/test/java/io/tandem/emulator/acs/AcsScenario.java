package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A Call Automation scenario for tests: the emulator with the contoso world on a manual clock, an
 * Event Grid webhook subscribed to the contoso ACS resource, a callback webhook standing in for the
 * application, and a signing client.
 */
final class AcsScenario implements AutoCloseable {

  static final String RESOURCE_ID = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";
  static final String SALES_ACCOUNT = "22222222-bbbb-4ccc-8ddd-000000000002";
  static final String SALES_NUMBER = "+14255550200";
  static final String CALLER = "+14255550123";
  static final String ALICE = "11111111-aaaa-4bbb-8ccc-000000000001";
  static final String BOB = "11111111-aaaa-4bbb-8ccc-000000000002";
  static final String CAROL = "11111111-aaaa-4bbb-8ccc-000000000003";
  static final Duration WAIT = Duration.ofSeconds(5);

  final EmulatorFixture fixture;
  final RecordingWebhook eventGrid;
  final RecordingWebhook app;
  final AcsClient client;

  AcsScenario() throws Exception {
    fixture = new EmulatorFixture();
    eventGrid = new RecordingWebhook();
    app = new RecordingWebhook();
    client =
        new AcsClient(
            fixture.emulator.httpBaseUrl(), AcsAuthenticationTest.KEY, fixture.clock::now);
    eventGrid.respondWith(AcsScenario::validating);
    HttpResponse<String> subscribed =
        fixture.send(
            "PUT",
            "/emulator/acs/resources/" + RESOURCE_ID + "/eventGrid",
            "application/json",
            "{\"endpoint\":\"" + eventGrid.url("/api/incomingCall") + "\"}");
    assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
    eventGrid.next(WAIT);
  }

  /** Answers Event Grid's validation event as an application does; 200 to everything else. */
  static RecordingWebhook.Reply validating(RecordingWebhook.Received request) {
    if ("SubscriptionValidation".equals(request.header("aeg-event-type"))) {
      String code =
          Json.parse(request.body()).get(0).path("data").path("validationCode").asString();
      return new RecordingWebhook.Reply(
          200, "application/json", "{\"validationResponse\":\"" + code + "\"}");
    }
    return new RecordingWebhook.Reply(200, "text/plain", "");
  }

  /** Places a PSTN call to the sales resource account; {@code script} adds CallerScript fields. */
  JsonNode dial(String script) throws Exception {
    String body =
        "{\"from\":\""
            + CALLER
            + "\",\"to\":\""
            + SALES_NUMBER
            + "\",\"displayName\":\"Pat Caller\""
            + (script.isBlank() ? "" : "," + script)
            + "}";
    HttpResponse<String> placed =
        fixture.send("POST", "/emulator/pstn/calls", "application/json", body);
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    return Json.parse(placed.body());
  }

  /** The next IncomingCall event delivered to the Event Grid webhook. */
  JsonNode incomingCall() throws InterruptedException {
    return Json.parse(eventGrid.next(WAIT).body()).get(0);
  }

  /** Dials, answers with the app's callback URL, waits for CallConnected; returns the call id. */
  String answeredCall(String script, String extraAnswerFields) throws Exception {
    dial(script);
    String context = incomingCall().path("data").path("incomingCallContext").asString();
    HttpResponse<String> answered =
        client.post(
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\""
                + context
                + "\",\"callbackUri\":\""
                + app.url("/callbacks")
                + "\""
                + extraAnswerFields
                + "}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    String id = Json.parse(answered.body()).path("callConnectionId").asString();
    callback("CallConnected");
    return id;
  }

  /** The next callback event of {@code type} (skipping others). */
  JsonNode callback(String type) throws InterruptedException {
    return callback(type, WAIT);
  }

  JsonNode callback(String type, Duration timeout) throws InterruptedException {
    Predicate<RecordingWebhook.Received> wanted =
        request ->
            Json.parse(request.body())
                .get(0)
                .path("type")
                .asString()
                .equals("Microsoft.Communication." + type);
    return Json.parse(app.next(wanted, timeout).body()).get(0);
  }

  /** The next callback of {@code type} for call {@code callConnectionId} (skipping others). */
  JsonNode callback(String callConnectionId, String type) throws InterruptedException {
    Predicate<RecordingWebhook.Received> wanted =
        request -> {
          JsonNode event = Json.parse(request.body()).get(0);
          return event.path("type").asString().equals("Microsoft.Communication." + type)
              && event.path("data").path("callConnectionId").asString().equals(callConnectionId);
        };
    return Json.parse(app.next(wanted, WAIT).body()).get(0);
  }

  /** POSTs an action on a call connection, e.g. {@code action(id, ":play", body)}. */
  HttpResponse<String> action(String callConnectionId, String action, String body)
      throws Exception {
    return client.post("/calling/callConnections/" + callConnectionId + action, body);
  }

  static String caller() {
    return "{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"" + CALLER + "\"}}";
  }

  void advance(Duration step) {
    fixture.clock.advance(step);
  }

  @Override
  public void close() {
    app.close();
    eventGrid.close();
    fixture.close();
  }
}
