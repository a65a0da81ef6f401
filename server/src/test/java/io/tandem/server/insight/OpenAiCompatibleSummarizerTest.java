package io.tandem.server.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.insight.CallRecord;
import io.tandem.core.insight.CallSummary;
import io.tandem.core.insight.SummaryUnavailableException;
import io.tandem.core.insight.TranscriptSegment;
import io.tandem.core.interaction.InteractionId;
import io.tandem.server.insight.StubChatCompletions.Reply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The summarizer against a stub chat-completions server over real HTTP on loopback. */
class OpenAiCompatibleSummarizerTest {

  private static final CallRecord CALL =
      new CallRecord(
          new InteractionId("c1"),
          List.of(
              new TranscriptSegment(
                  "customer", "My invoice is wrong.", Duration.ofSeconds(65), Duration.ZERO, 0.9)),
          Map.of("account", "4711"),
          List.of("queue:billing"),
          "connected",
          "refund",
          null,
          Duration.ofSeconds(45),
          Duration.ofSeconds(190));

  private StubChatCompletions stub;
  private OpenAiCompatibleSummarizer summarizer;

  @BeforeEach
  void start() throws Exception {
    stub = new StubChatCompletions(request -> Reply.status(500));
    summarizer = summarizer("sk-test-secret", Duration.ofSeconds(5));
  }

  private OpenAiCompatibleSummarizer summarizer(String key, Duration timeout) {
    return new OpenAiCompatibleSummarizer(
        new OpenAiEndpoint(stub.baseUrl(), "gpt-test", key, timeout));
  }

  @AfterEach
  void stop() {
    summarizer.close();
    stub.close();
  }

  @Test
  void jsonAnswer_becomesTextAndKeyPoints_withTheCallsOwnFacts() throws Exception {
    stub.answer(
        request ->
            Reply.ok(
                "```json\n{\"summary\": \"Invoice corrected.\", \"keyPoints\": [\"refund\", \"\"]}\n```"));

    CallSummary summary = summarizer.summarize(CALL);

    assertThat(summary)
        .isEqualTo(
            new CallSummary(
                "Invoice corrected.",
                List.of("refund"),
                List.of("queue:billing"),
                "connected",
                "refund",
                "openai:gpt-test"));
    StubChatCompletions.Request request = stub.requests().getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.authorization()).isEqualTo("Bearer sk-test-secret");
    assertThat(request.body().get("model").asString()).isEqualTo("gpt-test");
    assertThat(request.body().get("temperature").asInt()).isZero();
    assertThat(request.body().get("messages").findValuesAsString("role"))
        .containsExactly("system", "user");
    assertThat(request.userMessage())
        .contains("Outcome: connected", "Intents: queue:billing", "Attribute account: 4711")
        .contains("Wrap-up code: refund", "[01:05] customer: My invoice is wrong.");
  }

  @Test
  void plainTextAnswer_isTheSummary_withoutKeyPoints() throws Exception {
    stub.answer(request -> Reply.ok("  The customer had a wrong invoice.  "));

    CallSummary summary = summarizer.summarize(CALL);

    assertThat(summary.text()).isEqualTo("The customer had a wrong invoice.");
    assertThat(summary.keyPoints()).isEmpty();
  }

  @Test
  void withoutApiKey_noAuthorizationIsSent() throws Exception {
    stub.answer(request -> Reply.ok("ok"));
    try (OpenAiCompatibleSummarizer open = summarizer("", Duration.ofSeconds(5))) {
      open.summarize(CALL);
    }
    assertThat(stub.requests().getFirst().authorization()).isEmpty();
  }

  @Test
  void serverError_isUnavailable() {
    stub.answer(request -> Reply.status(500));

    assertThatThrownBy(() -> summarizer.summarize(CALL))
        .isInstanceOf(SummaryUnavailableException.class)
        .hasMessage("HTTP 500");
  }

  @Test
  void unauthorized_isUnavailable_withAHint_butNeverTheKey() {
    stub.answer(request -> Reply.status(401));

    assertThatThrownBy(() -> summarizer.summarize(CALL))
        .isInstanceOf(SummaryUnavailableException.class)
        .hasMessage("HTTP 401 (check the api-key)")
        .hasMessageNotContaining("sk-test-secret");
  }

  @Test
  void malformedJson_andMissingContent_areUnavailable() {
    stub.answer(request -> Reply.raw("{\"choices\": [ {\"message\": "));
    assertThatThrownBy(() -> summarizer.summarize(CALL))
        .isInstanceOf(SummaryUnavailableException.class)
        .hasMessage("malformed answer");

    stub.answer(request -> Reply.raw("{\"choices\": []}"));
    assertThatThrownBy(() -> summarizer.summarize(CALL))
        .isInstanceOf(SummaryUnavailableException.class)
        .hasMessageStartingWith("malformed answer: no choices[0].message.content");
  }

  @Test
  void noAnswerWithinTheTimeout_isUnavailable() {
    stub.answer(request -> Reply.hang());
    try (OpenAiCompatibleSummarizer impatient = summarizer("k", Duration.ofMillis(300))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> impatient.summarize(CALL))
          .isInstanceOf(SummaryUnavailableException.class)
          .hasMessage("timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void nothingListening_isUnavailable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (OpenAiCompatibleSummarizer nowhere =
        new OpenAiCompatibleSummarizer(
            new OpenAiEndpoint(
                "http://127.0.0.1:" + port + "/v1", "m", "", Duration.ofSeconds(2)))) {
      assertThatThrownBy(() -> nowhere.summarize(CALL))
          .isInstanceOf(SummaryUnavailableException.class)
          .hasMessageContaining("cannot connect to 127.0.0.1:" + port);
    }
  }
}
