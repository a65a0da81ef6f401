package io.tandem.emulator.acs;

import static io.tandem.emulator.acs.AcsScenario.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.JournalEntry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mid-call callbacks that fail (5xx, unreachable) are tried again after 1, 2 and 4 s of the
 * emulator's clock, the callbacks behind them waiting; each try is journaled; 4xx is final.
 */
class CallbackRetryTest {

  private AcsScenario scenario;

  @BeforeEach
  void start() throws Exception {
    scenario = new AcsScenario();
  }

  @AfterEach
  void stop() {
    scenario.close();
  }

  private String answer(String callbackUri) throws Exception {
    scenario.dial("");
    String context = scenario.incomingCall().path("data").path("incomingCallContext").asString();
    HttpResponse<String> answered =
        scenario.client.post(
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\""
                + context
                + "\",\"callbackUri\":\""
                + callbackUri
                + "\"}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    return Json.parse(answered.body()).path("callConnectionId").asString();
  }

  private static JsonNode event(RecordingWebhook.Received request) {
    return Json.parse(request.body()).get(0);
  }

  @Test
  void aCallbackAnswered503_isTriedAgainAfterOneSecond_andTheCallbacksBehindItWait()
      throws Exception {
    AtomicInteger received = new AtomicInteger();
    scenario.app.respondWith(
        request ->
            received.getAndIncrement() == 0
                ? new RecordingWebhook.Reply(503, "text/plain", "busy")
                : RecordingWebhook.Reply.ACCEPTED);
    String id = answer(scenario.app.url("/callbacks"));

    RecordingWebhook.Received first = scenario.app.next(WAIT);
    assertThat(event(first).path("type").asString())
        .isEqualTo("Microsoft.Communication.CallConnected");
    JournalEntry retrying = awaitJournal(id, "callback.retrying");
    assertThat(retrying.attributes())
        .containsEntry("type", "CallConnected")
        .containsEntry("status", "503")
        .containsEntry("try", "2")
        .containsEntry("after", "PT1S");
    assertThat(scenario.app.all()).hasSize(1);

    scenario.advance(Duration.ofSeconds(1));

    RecordingWebhook.Received again = scenario.app.next(WAIT);
    assertThat(event(again).path("id")).isEqualTo(event(first).path("id"));
    assertThat(again.header("authorization")).startsWith("Bearer ");
    assertThat(event(scenario.app.next(WAIT)).path("type").asString())
        .isEqualTo("Microsoft.Communication.ParticipantsUpdated");
    assertThat(
            scenario
                .fixture
                .emulator
                .journal()
                .after(
                    0,
                    e -> id.equals(e.callId()) && e.kind().equals("callback CallConnected reply"),
                    10))
        .extracting(e -> e.attributes().get("status"))
        .containsExactly("503", "202");
  }

  @Test
  void anUnreachableCallbackUri_isTriedFourTimes_thenGivenUp_andTheNextCallbackGoes()
      throws Exception {
    String id = answer("http://127.0.0.1:1/callbacks");
    awaitCount(id, "callback.retrying", 1);

    scenario.advance(Duration.ofSeconds(1));
    awaitCount(id, "callback.retrying", 2);
    scenario.advance(Duration.ofSeconds(2));
    awaitCount(id, "callback.retrying", 3);
    scenario.advance(Duration.ofSeconds(4));

    JournalEntry givenUp = awaitJournal(id, "callback.givenUp");
    assertThat(givenUp.attributes())
        .containsEntry("type", "CallConnected")
        .containsEntry("status", "0")
        .containsEntry("tries", "4");
    assertThat(awaitCount(id, "callback CallConnected reply", 4))
        .extracting(e -> e.attributes().get("status"))
        .containsOnly("0");
    awaitCount(id, "callback ParticipantsUpdated reply", 1);
    assertThat(awaitCount(id, "callback.retrying", 4))
        .extracting(e -> e.attributes().get("after"))
        .containsExactly("PT1S", "PT2S", "PT4S", "PT1S");
  }

  @Test
  void a4xxAnswer_isNotRetried() throws Exception {
    scenario.app.respondWith(request -> new RecordingWebhook.Reply(400, "text/plain", "no"));
    String id = answer(scenario.app.url("/callbacks"));

    assertThat(event(scenario.app.next(WAIT)).path("type").asString())
        .isEqualTo("Microsoft.Communication.CallConnected");
    assertThat(event(scenario.app.next(WAIT)).path("type").asString())
        .isEqualTo("Microsoft.Communication.ParticipantsUpdated");
    assertThat(
            scenario
                .fixture
                .emulator
                .journal()
                .after(0, e -> id.equals(e.callId()) && e.kind().startsWith("callback."), 10))
        .isEmpty();
  }

  private JournalEntry awaitJournal(String callId, String kind) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<JournalEntry> found =
          scenario
              .fixture
              .emulator
              .journal()
              .after(0, e -> callId.equals(e.callId()) && e.kind().equals(kind), 1);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no journal entry " + kind);
  }

  /** Waits until the journal holds {@code count} entries {@code kind} of the call; returns them. */
  private List<JournalEntry> awaitCount(String callId, String kind, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<JournalEntry> found =
          scenario
              .fixture
              .emulator
              .journal()
              .after(0, e -> callId.equals(e.callId()) && e.kind().equals(kind), 100);
      if (found.size() >= count) {
        return found;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("fewer than " + count + " journal entries " + kind);
  }
}
