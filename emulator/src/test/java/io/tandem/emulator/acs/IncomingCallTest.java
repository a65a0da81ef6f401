package io.tandem.emulator.acs;

import static io.tandem.emulator.acs.AcsScenario.RESOURCE_ID;
import static io.tandem.emulator.acs.AcsScenario.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.entra.Jwt;
import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Event Grid subscription and IncomingCall delivery, then answer, reject and redirect over raw
 * JSON, with the first callbacks.
 */
class IncomingCallTest {

  private AcsScenario scenario;

  @BeforeEach
  void start() throws Exception {
    scenario = new AcsScenario();
  }

  @AfterEach
  void stop() {
    scenario.close();
  }

  @Test
  void validationHandshake_subscribesTheEndpoint_andAWrongEchoIsRefused() throws Exception {
    JsonNode subscription =
        Json.parse(
            scenario.fixture.get("/emulator/acs/resources/" + RESOURCE_ID + "/eventGrid").body());
    assertThat(subscription.path("endpoint").asString())
        .isEqualTo(scenario.eventGrid.url("/api/incomingCall"));

    try (RecordingWebhook liar = new RecordingWebhook()) {
      liar.respondWith(
          request ->
              new RecordingWebhook.Reply(
                  200, "application/json", "{\"validationResponse\":\"wrong\"}"));
      HttpResponse<String> refused =
          scenario.fixture.send(
              "PUT",
              "/emulator/acs/resources/" + RESOURCE_ID + "/eventGrid",
              "application/json",
              "{\"endpoint\":\"" + liar.url("/eg") + "\"}");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("validationResponse");
      RecordingWebhook.Received validation = liar.next(WAIT);
      assertThat(validation.header("aeg-event-type")).isEqualTo("SubscriptionValidation");
      JsonNode event = Json.parse(validation.body()).get(0);
      assertThat(event.path("eventType").asString())
          .isEqualTo("Microsoft.EventGrid.SubscriptionValidationEvent");
      assertThat(event.path("data").path("validationCode").asString()).isNotBlank();
    }
    JsonNode still =
        Json.parse(
            scenario.fixture.get("/emulator/acs/resources/" + RESOURCE_ID + "/eventGrid").body());
    assertThat(still.path("endpoint").asString())
        .isEqualTo(scenario.eventGrid.url("/api/incomingCall"));
  }

  @Test
  void incomingCall_hasTheDocumentedShape_inTheTeamsPhoneExtensibilityForm() throws Exception {
    scenario.dial("");

    RecordingWebhook.Received delivery = scenario.eventGrid.next(WAIT);
    JsonNode array = Json.parse(delivery.body());
    JsonNode event = array.get(0);
    JsonNode example = Json.parse(Files.readString(resource("incoming-call-example.json"))).get(0);
    JsonNode tpe = Json.parse(Files.readString(resource("incoming-call-tpe.json")));

    assertThat(array.isArray()).isTrue();
    assertThat(names(event)).containsExactlyInAnyOrderElementsOf(names(example));
    assertThat(names(event.path("data")))
        .containsExactlyInAnyOrderElementsOf(names(example.path("data")));
    assertThat(event.path("eventType").asString())
        .isEqualTo("Microsoft.Communication.IncomingCall");
    assertThat(event.path("dataVersion").asString()).isEqualTo("1.0");
    assertThat(event.path("metadataVersion").asString()).isEqualTo("1");
    assertThat(event.path("data").path("to")).isEqualTo(tpe.path("to"));
    assertThat(event.path("data").path("from")).isEqualTo(tpe.path("from"));
    assertThat(event.path("data").path("callerDisplayName"))
        .isEqualTo(tpe.path("callerDisplayName"));
    assertThat(event.path("subject")).isEqualTo(tpe.path("subject"));
    assertThat(event.path("topic")).isEqualTo(tpe.path("topic"));
    assertThat(event.path("data").path("incomingCallContext").asString().split("\\.")).hasSize(3);
    assertThat(delivery.header("aeg-event-type")).isEqualTo("Notification");

    Jwt.Parsed token = Jwt.parse(delivery.header("authorization").substring("Bearer ".length()));
    assertThat(token.claims().path("aud").asString()).isEqualTo(RESOURCE_ID);
    assertThat(token.claims().path("iss").asString())
        .isEqualTo("https://acscallautomation.communication.azure.com");
    assertThat(token.signedBy(scenario.fixture.emulator.authorities().acsCallbacks().publicKey()))
        .isTrue();
  }

  @Test
  void failedDelivery_isRetriedAfterTenSeconds() throws Exception {
    int[] deliveries = {0};
    scenario.eventGrid.respondWith(
        request -> new RecordingWebhook.Reply(deliveries[0]++ == 0 ? 503 : 200, "text/plain", ""));
    scenario.dial("");
    RecordingWebhook.Received first = scenario.eventGrid.next(WAIT);
    assertThat(first.header("aeg-delivery-count")).isEqualTo("0");
    awaitJournal("eventgrid.retryScheduled");

    scenario.advance(Duration.ofSeconds(10));

    RecordingWebhook.Received second = scenario.eventGrid.next(WAIT);
    assertThat(second.header("aeg-delivery-count")).isEqualTo("1");
    assertThat(Json.parse(second.body()).get(0).path("id"))
        .isEqualTo(Json.parse(first.body()).get(0).path("id"));
  }

  @Test
  void answer_returnsCallConnectionProperties_thenCallConnectedWithBearerToken() throws Exception {
    scenario.dial("");
    JsonNode incoming = scenario.incomingCall();
    String context = incoming.path("data").path("incomingCallContext").asString();

    HttpResponse<String> answered =
        scenario.client.post(
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\""
                + context
                + "\",\"callbackUri\":\""
                + scenario.app.url("/callbacks")
                + "\",\"operationContext\":\"answering\"}");

    assertThat(answered.statusCode()).isEqualTo(200);
    JsonNode properties = Json.parse(answered.body());
    String id = properties.path("callConnectionId").asString();
    assertThat(properties.path("serverCallId"))
        .isEqualTo(incoming.path("data").path("serverCallId"));
    assertThat(properties.path("correlationId"))
        .isEqualTo(incoming.path("data").path("correlationId"));
    assertThat(properties.path("callConnectionState").asString()).isEqualTo("connecting");
    assertThat(properties.path("answeredFor").path("rawId").asString())
        .isEqualTo("28:orgid:" + AcsScenario.SALES_ACCOUNT);

    RecordingWebhook.Received delivery = scenario.app.next(WAIT);
    JsonNode event = Json.parse(delivery.body()).get(0);
    assertThat(event.path("type").asString()).isEqualTo("Microsoft.Communication.CallConnected");
    assertThat(event.path("specversion").asString()).isEqualTo("1.0");
    assertThat(event.path("source").asString()).isEqualTo("calling/callConnections/" + id);
    assertThat(event.path("subject").asString()).isEqualTo("calling/callConnections/" + id);
    assertThat(event.path("data").path("callConnectionId").asString()).isEqualTo(id);
    assertThat(event.path("data").path("operationContext").asString()).isEqualTo("answering");
    assertThat(event.path("data").path("resultInformation").path("code").asInt()).isEqualTo(200);
    assertThat(
            Jwt.parse(delivery.header("authorization").substring(7))
                .claims()
                .path("aud")
                .asString())
        .isEqualTo(RESOURCE_ID);
    JsonNode roster = scenario.callback("ParticipantsUpdated");
    assertThat(
            roster
                .path("data")
                .path("participants")
                .get(0)
                .path("identifier")
                .path("rawId")
                .asString())
        .isEqualTo("4:" + AcsScenario.CALLER);

    JsonNode got = Json.parse(scenario.client.get("/calling/callConnections/" + id).body());
    assertThat(got.path("callConnectionState").asString()).isEqualTo("connected");
  }

  @Test
  void answer_refusesForgedAndUsedContexts_andMissingFields() throws Exception {
    scenario.dial("");
    String context = scenario.incomingCall().path("data").path("incomingCallContext").asString();
    String callback = scenario.app.url("/callbacks");

    HttpResponse<String> forged =
        scenario.client.post(
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\"" + context + "x\",\"callbackUri\":\"" + callback + "\"}");
    HttpResponse<String> noCallback =
        scenario.client.post(
            "/calling/callConnections:answer", "{\"incomingCallContext\":\"" + context + "\"}");
    HttpResponse<String> first =
        scenario.client.post(
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\"" + context + "\",\"callbackUri\":\"" + callback + "\"}");
    HttpResponse<String> second =
        scenario.client.post(
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\"" + context + "\",\"callbackUri\":\"" + callback + "\"}");
    HttpResponse<String> malformed =
        scenario.client.post("/calling/callConnections:answer", "{not json");

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(forged).path("target").asString())
        .isEqualTo("incomingCallContext");
    assertThat(noCallback.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(noCallback).path("message").asString())
        .contains("callbackUri");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(second).path("message").asString())
        .contains("no longer ringing");
    assertThat(malformed.statusCode()).isEqualTo(400);
  }

  @Test
  void reject_endsTheRinging_andTheRingTimeoutExpiresTheContext() throws Exception {
    scenario.dial("");
    String rejected = scenario.incomingCall().path("data").path("incomingCallContext").asString();
    assertThat(
            scenario
                .client
                .post(
                    "/calling/callConnections:reject",
                    "{\"incomingCallContext\":\"" + rejected + "\",\"callRejectReason\":\"busy\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            scenario
                .client
                .post(
                    "/calling/callConnections:answer",
                    "{\"incomingCallContext\":\""
                        + rejected
                        + "\",\"callbackUri\":\""
                        + scenario.app.url("/cb")
                        + "\"}")
                .statusCode())
        .isEqualTo(400);

    scenario.dial("");
    String unanswered = scenario.incomingCall().path("data").path("incomingCallContext").asString();
    scenario.advance(Duration.ofSeconds(31));
    HttpResponse<String> late =
        scenario.client.post(
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\""
                + unanswered
                + "\",\"callbackUri\":\""
                + scenario.app.url("/cb")
                + "\"}");
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(late).path("message").asString()).contains("expired");
  }

  @Test
  void hangUp_disconnects_andTheCallIsThen404() throws Exception {
    String id = scenario.answeredCall("", "");

    assertThat(scenario.client.delete("/calling/callConnections/" + id).statusCode())
        .isEqualTo(204);
    scenario.callback("CallDisconnected");
    assertThat(scenario.client.get("/calling/callConnections/" + id).statusCode()).isEqualTo(404);
    assertThat(
            scenario.client.post("/calling/callConnections/" + id + ":terminate", "").statusCode())
        .isEqualTo(404);
  }

  private void awaitJournal(String kind) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!scenario.fixture.emulator.journal().after(0, e -> e.kind().equals(kind), 1).isEmpty()) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no journal entry " + kind);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  private static Path resource(String name) throws Exception {
    return Path.of(IncomingCallTest.class.getResource("/acs/" + name).toURI());
  }
}
