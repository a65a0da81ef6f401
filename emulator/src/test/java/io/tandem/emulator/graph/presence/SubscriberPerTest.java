package io.tandem.emulator.graph.presence;

import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.echoThen;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.isNotification;
import static io.tandem.emulator.graph.presence.SubscriptionTestSupport.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.RecordingWebhook;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Subscription tests that each run against a fresh emulator, a presence client for the bot app, and
 * a notification endpoint that passes the validation handshake and answers 202.
 */
abstract class SubscriberPerTest {

  static final Duration WAIT = Duration.ofSeconds(5);

  EmulatorFixture fixture;
  PresenceTestClient graph;
  RecordingWebhook webhook;

  @BeforeEach
  void start() throws Exception {
    fixture = new EmulatorFixture();
    graph = new PresenceTestClient(fixture);
    webhook = new RecordingWebhook();
    webhook.respondWith(request -> echoThen(request, 202));
  }

  @AfterEach
  void stop() {
    webhook.close();
    fixture.close();
  }

  HttpResponse<String> subscribe(String resource, String expiration) throws Exception {
    return graph.post(
        "/subscriptions", subscription(resource, webhook.url("/notify"), null, expiration));
  }

  String in(int minutes) {
    return fixture.clock.now().plus(Duration.ofMinutes(minutes)).toString();
  }

  void changeSettings(String json) throws Exception {
    assertThat(
            fixture
                .send("PUT", "/emulator/graph/presence/settings", "application/json", json)
                .statusCode())
        .isEqualTo(200);
  }

  void assertNoNotification() throws InterruptedException {
    try {
      RecordingWebhook.Received unexpected =
          webhook.next(
              r -> r.pathAndQuery().equals("/notify") && isNotification(r), Duration.ofMillis(300));
      throw new IllegalStateException("unexpected notification " + unexpected.body());
    } catch (AssertionError expected) {
      // nothing came
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Predicates over webhook requests. */
  static final class WebhookRequests {
    static boolean notification(RecordingWebhook.Received request) {
      return isNotification(request) && request.pathAndQuery().equals("/notify");
    }
  }
}
