package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.GraphBot.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * cancelMediaProcessing over HTTP, as call-cancelmediaprocessing.md shows it: running and queued
 * prompts and recordings fail with 400/8508, a cancelled recording has empty location and token,
 * media is free again at once, and the action is refused before the call is established.
 */
class CancelMediaProcessingTest extends BotPerTest {

  @Test
  void cancelledRecording_hasTheDocumentedShape() throws Exception {
    String calls = "/communications/calls/" + bot.incomingAnswered(CALLER);
    String context = "{\"clientContext\":\"d45324c1-fcb5-430a-902c-f20af696537c\"}";
    String id = operationId(bot.graph("POST", calls + "/recordResponse", context));

    bot.graph("POST", calls + "/cancelMediaProcessing", context);

    GraphBot.Notification cancelled = bot.nextOn(calls + "/operations/" + id);
    IncomingCallTest.assertSameShape(
        IncomingCallTest.fixture("record-operation-cancelled.json"), cancelled.body(), "");
  }

  @Test
  void cancelMediaProcessing_failsRunningAndQueuedPromptsAndRecordings_asDocumented()
      throws Exception {
    String calls = "/communications/calls/" + bot.incomingAnswered(CALLER);
    String play =
        "{\"clientContext\":\"%s\",\"prompts\":[{\"mediaInfo\":{\"uri\":\""
            + bot.prompt("hold.txt")
            + "\"}}]}";
    String first = operationId(bot.graph("POST", calls + "/playPrompt", play.formatted("first")));
    String queued = operationId(bot.graph("POST", calls + "/playPrompt", play.formatted("queued")));
    String recording = operationId(bot.graph("POST", calls + "/recordResponse", "{}"));
    bot.advance(Duration.ofSeconds(1));

    HttpResponse<String> cancel =
        bot.graph("POST", calls + "/cancelMediaProcessing", "{\"clientContext\":\"stop\"}");

    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
    JsonNode cancelled = Json.parse(cancel.body());
    assertThat(cancelled.path("@odata.type").asString())
        .isEqualTo("#microsoft.graph.cancelMediaProcessingOperation");
    assertThat(cancelled.path("status").asString()).isEqualTo("completed");
    assertThat(cancelled.path("clientContext").asString()).isEqualTo("stop");
    for (String id : new String[] {first, queued, recording}) {
      JsonNode failed = bot.nextOn(calls + "/operations/" + id).data();
      assertThat(failed.path("status").asString()).isEqualTo("failed");
      assertThat(failed.path("resultInfo").toString())
          .isEqualTo(
              "{\"@odata.type\":\"#microsoft.graph.resultInfo\",\"code\":400,\"subcode\":8508,"
                  + "\"message\":\"Action failed, the operation was cancelled.\"}");
    }
    JsonNode record = Json.parse(bot.graph("GET", calls + "/operations/" + recording, null).body());
    assertThat(record.path("recordingLocation").asString()).isEmpty();
    assertThat(record.path("recordingAccessToken").asString()).isEmpty();

    bot.advance(Duration.ofSeconds(30));
    assertThat(operationStatus(calls + "/operations/" + first)).isEqualTo("failed");
    String next = operationId(bot.graph("POST", calls + "/playPrompt", play.formatted("next")));
    bot.advance(Duration.ofSeconds(3));
    assertThat(bot.nextOn(calls + "/operations/" + next).data().path("status").asString())
        .as("media plays again at once after a cancel")
        .isEqualTo("completed");
  }

  @Test
  void cancelMediaProcessing_qualifiedPath_withNothingRunning_completes_andBeforeAnswerIs409()
      throws Exception {
    String callId = bot.dial(CALLER);
    String calls = "/communications/calls/" + callId;
    assertGraphError(
        bot.graph("POST", calls + "/microsoft.graph.cancelMediaProcessing", null), 409, "Conflict");
    bot.graph("POST", calls + "/answer", bot.answerBody());

    HttpResponse<String> cancel =
        bot.graph("POST", calls + "/microsoft.graph.cancelMediaProcessing", null);

    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
    assertThat(Json.parse(cancel.body()).path("status").asString()).isEqualTo("completed");
    assertGraphError(
        bot.graph("POST", calls + "/cancelMediaProcessing", "{\"clientContext\":7}"),
        400,
        "BadRequest");
  }

  private String operationStatus(String operation) throws Exception {
    return Json.parse(bot.graph("GET", operation, null).body()).path("status").asString();
  }

  private static String operationId(HttpResponse<String> reply) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return Json.parse(reply.body()).path("id").asString();
  }
}
