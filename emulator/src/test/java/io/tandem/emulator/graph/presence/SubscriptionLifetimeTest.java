package io.tandem.emulator.graph.presence;

import static io.tandem.emulator.graph.presence.PresenceReadTest.assertGraphError;
import static io.tandem.emulator.graph.presence.PresenceTestClient.ALICE;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.isNotification;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A presence subscription's life: renewal by PATCH, expiry, deletion, and who sees it. */
class SubscriptionLifetimeTest extends SubscriberPerTest {

  @Test
  void renewalByPatch_movesTheExpiration_withinSixtyMinutes() throws Exception {
    String id =
        Json.parse(subscribe("/communications/presences/" + ALICE, in(30)).body())
            .path("id")
            .asString();
    fixture.clock.advance(Duration.ofMinutes(20));

    HttpResponse<String> renewed =
        graph.send("PATCH", "/subscriptions/" + id, "{\"expirationDateTime\":\"" + in(60) + "\"}");

    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(Json.parse(renewed.body()).path("expirationDateTime").asString()).isEqualTo(in(60));
    fixture.clock.advance(Duration.ofMinutes(45)); // past the first expiration
    assertThat(graph.get("/subscriptions/" + id).statusCode()).isEqualTo(200);
    assertGraphError(
        graph.send("PATCH", "/subscriptions/" + id, "{\"expirationDateTime\":\"" + in(61) + "\"}"),
        400,
        "ExtensionError");
    assertGraphError(
        graph.send("PATCH", "/subscriptions/" + id, "{\"notificationUrl\":\"http://x\"}"),
        400,
        "InvalidRequest");
    assertGraphError(
        graph.send("PATCH", "/subscriptions/nope", "{\"expirationDateTime\":\"" + in(30) + "\"}"),
        404,
        "ResourceNotFound");
  }

  @Test
  void expiry_stopsNotifications_andTellsTheLifecycleUrl() throws Exception {
    HttpResponse<String> created =
        graph.post(
            "/subscriptions",
            subscription(
                "/communications/presences/" + ALICE,
                webhook.url("/notify"),
                webhook.url("/lifecycle"),
                in(10)));
    String id = Json.parse(created.body()).path("id").asString();

    fixture.clock.advance(Duration.ofMinutes(10));

    RecordingWebhook.Received removed =
        webhook.next(r -> r.pathAndQuery().equals("/lifecycle") && isNotification(r), WAIT);
    JsonNode event = Json.parse(removed.body()).path("value").get(0);
    assertThat(event.path("lifecycleEvent").asString()).isEqualTo("subscriptionRemoved");
    assertThat(event.path("subscriptionId").asString()).isEqualTo(id);
    assertThat(event.path("clientState").asString()).isEqualTo("secret-state");
    assertGraphError(graph.get("/subscriptions/" + id), 404, "ResourceNotFound");
    graph.scriptClient(ALICE, "Away", "Away");
    assertNoNotification();
  }

  @Test
  void delete_is204_andStopsNotifications() throws Exception {
    String id =
        Json.parse(subscribe("/communications/presences/" + ALICE, in(30)).body())
            .path("id")
            .asString();

    HttpResponse<String> deleted = graph.send("DELETE", "/subscriptions/" + id, null);

    assertThat(deleted.statusCode()).isEqualTo(204);
    graph.scriptClient(ALICE, "Away", "Away");
    assertNoNotification();
    assertGraphError(graph.send("DELETE", "/subscriptions/" + id, null), 404, "ResourceNotFound");
  }

  @Test
  void list_showsOnlyTheCallersSubscriptions() throws Exception {
    String id =
        Json.parse(subscribe("/communications/presences/" + ALICE, in(30)).body())
            .path("id")
            .asString();
    PresenceTestClient reader =
        new PresenceTestClient(
            fixture, PresenceTestClient.READER_APP, PresenceTestClient.READER_SECRET);

    JsonNode mine = Json.parse(graph.get("/subscriptions").body());
    JsonNode theirs = Json.parse(reader.get("/subscriptions").body());

    assertThat(mine.path("value").get(0).path("id").asString()).isEqualTo(id);
    assertThat(theirs.path("value").size()).isZero();
    assertGraphError(reader.get("/subscriptions/" + id), 404, "ResourceNotFound");
  }
}
