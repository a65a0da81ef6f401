package io.tandem.emulator.graph.presence;

import static io.tandem.emulator.graph.presence.PresenceReadTest.assertGraphError;
import static io.tandem.emulator.graph.presence.PresenceTestClient.ALICE;
import static io.tandem.emulator.graph.presence.PresenceTestClient.BOB;
import static io.tandem.emulator.graph.presence.PresenceTestClient.CAROL;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.awaitJournal;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.echoThen;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.subscription;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.validationToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Presence subscriptions: handshake, notifications, limits, authentication, journal. */
class PresenceSubscriptionTest extends SubscriberPerTest {

  @Test
  void create_validatesTheUrl_thenNotifiesChangesInGraphsShape() throws Exception {
    HttpResponse<String> created = subscribe("/communications/presences/" + ALICE, in(60));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode subscription = Json.parse(created.body());
    assertThat(subscription.path("@odata.context").asString())
        .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity");
    assertThat(subscription.path("changeType").asString()).isEqualTo("updated");
    assertThat(subscription.path("clientState").asString()).isEqualTo("secret-state");
    assertThat(subscription.path("applicationId").asString()).isEqualTo(EmulatorFixture.BOT_APP);
    assertThat(subscription.path("expirationDateTime").asString()).isEqualTo(in(60));
    RecordingWebhook.Received validation = webhook.next(WAIT);
    assertThat(validation.method()).isEqualTo("POST");
    assertThat(validation.header("content-type")).startsWith("text/plain");
    assertThat(validationToken(validation))
        .startsWith("Validation: Testing client application reachability for subscription");

    graph.scriptClient(ALICE, "Away", "Away");

    RecordingWebhook.Received notification = webhook.next(WAIT);
    assertThat(notification.pathAndQuery()).isEqualTo("/notify");
    assertThat(notification.header("content-type")).startsWith("application/json");
    JsonNode item = Json.parse(notification.body()).path("value").get(0);
    JsonNode documented =
        Json.parse(
                PresenceReadTest.fixture("presence-notification-basic.json")
                    .replace("{Subscription id}", subscription.path("id").asString())
                    .replace("{secret client state}", "secret-state")
                    .replace("{Organization/Tenant id}", EmulatorFixture.TENANT)
                    .replace("{id}", ALICE)
                    .replace("{User Id}", ALICE)
                    .replace("2023-09-14T10:00:00.0000000Z", in(60)))
            .path("value")
            .get(0);
    assertThat(item).isEqualTo(documented);
  }

  @Test
  void bulkSubscription_notifiesEachWatchedUser_andNoOthers() throws Exception {
    String resource = "/communications/presences?$filter=id in ('" + ALICE + "','" + BOB + "')";
    assertThat(subscribe(resource, in(30)).statusCode()).isEqualTo(201);

    graph.scriptClient(CAROL, "Away", "Away");
    graph.scriptClient(BOB, "Away", "Away");
    graph.scriptClient(ALICE, "BeRightBack", "BeRightBack");

    List<String> resources = new ArrayList<>();
    while (resources.size() < 2) {
      JsonNode body = Json.parse(webhook.next(WebhookRequests::notification, WAIT).body());
      body.path("value").forEach(v -> resources.add(v.path("resource").asString()));
    }
    assertThat(resources)
        .containsExactlyInAnyOrder(
            "communications/presences/" + BOB, "communications/presences/" + ALICE);
  }

  @Test
  void handshake_wrongEcho_non200_wrongContentType_timeout_unreachable_areRefused()
      throws Exception {
    webhook.respondWith(request -> new RecordingWebhook.Reply(200, "text/plain", "nope"));
    HttpResponse<String> wrongEcho = subscribe("/communications/presences/" + ALICE, in(30));
    assertGraphError(wrongEcho, 400, "ValidationError");
    assertThat(wrongEcho.body()).contains("must exactly match validationToken");

    webhook.respondWith(request -> RecordingWebhook.Reply.ACCEPTED);
    HttpResponse<String> non200 = subscribe("/communications/presences/" + ALICE, in(30));
    assertGraphError(non200, 400, "ValidationError");
    assertThat(non200.body()).contains("must respond with 200 OK");

    webhook.respondWith(
        request -> new RecordingWebhook.Reply(200, "application/json", validationToken(request)));
    assertGraphError(
        subscribe("/communications/presences/" + ALICE, in(30)), 400, "ValidationError");

    changeSettings("{\"validationTimeout\":\"PT0.3S\"}");
    webhook.respondWith(
        request -> {
          sleep(Duration.ofSeconds(1));
          return echoThen(request, 202);
        });
    HttpResponse<String> slow = subscribe("/communications/presences/" + ALICE, in(30));
    assertGraphError(slow, 400, "InvalidRequest");
    assertThat(slow.body()).contains("timed out");

    HttpResponse<String> unreachable =
        graph.post(
            "/subscriptions",
            subscription(
                "/communications/presences/" + ALICE, "http://127.0.0.1:1/x", null, in(30)));
    assertGraphError(unreachable, 400, "ValidationError");
    assertThat(graph.get("/subscriptions").body()).contains("\"value\":[]");
  }

  @Test
  void lifecycleUrl_isValidatedToo() throws Exception {
    RecordingWebhook lifecycle = new RecordingWebhook(); // answers 202: fails validation
    try {
      HttpResponse<String> response =
          graph.post(
              "/subscriptions",
              subscription(
                  "/communications/presences/" + ALICE,
                  webhook.url("/notify"),
                  lifecycle.url("/lifecycle"),
                  in(30)));
      assertGraphError(response, 400, "ValidationError");
    } finally {
      lifecycle.close();
    }
  }

  @Test
  void limits_650Ids_60Minutes_changeType_resource_encryption_clientState() throws Exception {
    assertThat(subscribe(filterOf(650), in(60)).statusCode()).isEqualTo(201);
    assertGraphError(subscribe(filterOf(651), in(60)), 400, "InvalidRequest");

    HttpResponse<String> tooLong = subscribe("/communications/presences/" + ALICE, in(61));
    assertGraphError(tooLong, 400, "ExtensionError");
    assertThat(tooLong.body()).contains("60 minutes");
    assertGraphError(
        subscribe("/communications/presences/" + ALICE, in(-1)), 400, "InvalidRequest");
    String body =
        subscription("/communications/presences/" + ALICE, webhook.url("/notify"), null, in(30));
    assertGraphError(
        graph.post("/subscriptions", body.replace("\"updated\"", "\"created,updated\"")),
        400,
        "InvalidRequest");
    assertGraphError(
        graph.post(
            "/subscriptions", body.replace("communications/presences/" + ALICE, "me/messages")),
        400,
        "InvalidRequest");
    assertGraphError(
        graph.post(
            "/subscriptions",
            body.replace("\"clientState\"", "\"includeResourceData\":true,\"clientState\"")),
        400,
        "InvalidRequest");
    assertGraphError(
        graph.post("/subscriptions", body.replace("secret-state", "x".repeat(129))),
        400,
        "InvalidRequest");
    assertGraphError(
        graph.post("/subscriptions", body.replace("\"expirationDateTime\"", "\"ignored\"")),
        400,
        "InvalidRequest");
    assertGraphError(graph.post("/subscriptions", "{"), 400, "BadRequest");
  }

  @Test
  void subscribing_needsAToken_andAPresenceRole() throws Exception {
    String body =
        subscription("/communications/presences/" + ALICE, webhook.url("/notify"), null, in(30));
    assertGraphError(
        graph.sendWith(null, "POST", "/subscriptions", body), 401, "InvalidAuthenticationToken");
    assertGraphError(
        graph.sendWith(null, "GET", "/subscriptions", null), 401, "InvalidAuthenticationToken");
  }

  @Test
  void changeToNotificationDelivery_isJournaledWithBothTimes() throws Exception {
    subscribe("/communications/presences/" + ALICE, in(30));
    graph.scriptClient(ALICE, "Away", "Away");
    webhook.next(WebhookRequests::notification, WAIT);

    var sent = awaitJournal(fixture, "presence.notification", 1).get(0);
    var change = awaitJournal(fixture, "presence.changed", 1).get(0);
    var reply = awaitJournal(fixture, "presence.notification reply", 1).get(0);

    assertThat(sent.attributes().get("changes"))
        .isEqualTo(ALICE + "@" + change.attributes().get("sequence"));
    assertThat(sent.attributes().get("earliestChange")).isEqualTo(change.time().toString());
    assertThat(sent.time()).isAfterOrEqualTo(change.time());
    assertThat(reply.attributes()).containsEntry("status", "202");
  }

  private static String filterOf(int count) {
    StringJoiner ids = new StringJoiner(",", "/communications/presences?$filter=id in (", ")");
    for (int i = 0; i < count; i++) {
      ids.add(String.format("'00000000-0000-4000-8000-%012d'", i));
    }
    return ids.toString();
  }
}
