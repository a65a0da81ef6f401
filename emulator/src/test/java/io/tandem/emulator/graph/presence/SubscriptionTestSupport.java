package io.tandem.emulator.graph.presence;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.journal.JournalEntry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A notification endpoint that passes Graph's validation the way a correct app does. */
final class SubscriptionTestSupport {

  private SubscriptionTestSupport() {}

  /** The decoded {@code validationToken} of a request, or null when it has none. */
  static String validationToken(RecordingWebhook.Received request) {
    String pathAndQuery = request.pathAndQuery();
    int at = pathAndQuery.indexOf("validationToken=");
    if (at < 0) {
      return null;
    }
    String raw = pathAndQuery.substring(at + "validationToken=".length());
    int end = raw.indexOf('&');
    return URLDecoder.decode(end < 0 ? raw : raw.substring(0, end), StandardCharsets.UTF_8);
  }

  /** Echoes validation tokens as text/plain 200 and accepts notifications with {@code status}. */
  static RecordingWebhook.Reply echoThen(RecordingWebhook.Received request, int status) {
    String token = validationToken(request);
    return token != null
        ? new RecordingWebhook.Reply(200, "text/plain", token)
        : new RecordingWebhook.Reply(status, "text/plain", "");
  }

  static boolean isNotification(RecordingWebhook.Received request) {
    return validationToken(request) == null;
  }

  /** Waits until the journal holds {@code count} entries of {@code kind}; returns them. */
  static List<JournalEntry> awaitJournal(EmulatorFixture fixture, String kind, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      List<JournalEntry> found =
          fixture.emulator.journal().after(0, e -> e.kind().equals(kind), Integer.MAX_VALUE);
      if (found.size() >= count) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("journal has " + found.size() + " " + kind + ", wanted " + count);
      }
      Thread.sleep(5);
    }
  }

  /** A subscription request body. */
  static String subscription(
      String resource, String notificationUrl, String lifecycleUrl, String expiration) {
    return "{\"changeType\":\"updated\",\"notificationUrl\":\""
        + notificationUrl
        + "\","
        + (lifecycleUrl == null ? "" : "\"lifecycleNotificationUrl\":\"" + lifecycleUrl + "\",")
        + "\"resource\":\""
        + resource
        + "\",\"expirationDateTime\":\""
        + expiration
        + "\",\"clientState\":\"secret-state\"}";
  }
}
