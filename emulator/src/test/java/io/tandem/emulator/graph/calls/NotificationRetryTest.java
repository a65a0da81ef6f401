package io.tandem.emulator.graph.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.journal.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A bot answering 5xx gets the notification again after the backoff, and order holds. */
class NotificationRetryTest extends BotPerTest {

  @Test
  void a503_isRetriedAfterTheBackoff_andEachTryIsJournaledWithItsStatus() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    bot.webhook.respondWith(
        request ->
            tries.incrementAndGet() == 1
                ? new RecordingWebhook.Reply(503, "text/plain", "busy")
                : RecordingWebhook.Reply.ACCEPTED);
    String callId = bot.dial("{\"from\":\"+14255559997\",\"to\":\"+14255550100\"}");
    GraphBot.Notification first = bot.next();
    assertThat(first.changeType()).isEqualTo("created");

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !replies(callId).isEmpty());
    bot.advance(Duration.ofSeconds(1));
    GraphBot.Notification again = bot.next();

    assertThat(again.body()).isEqualTo(first.body());
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> replies(callId).size() == 2);
    assertThat(replies(callId))
        .extracting(e -> e.attributes().get("status"))
        .containsExactly("503", "202");
  }

  private List<JournalEntry> replies(String callId) {
    return bot.fixture
        .emulator
        .journal()
        .after(0, e -> callId.equals(e.callId()) && e.kind().equals("notification reply"), 10);
  }
}
