package io.tandem.server.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.insight.RecordingState;
import io.tandem.core.insight.TranscriptSegment;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.insight.StubChatCompletions.Reply;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.RunningServer;
import io.tandem.server.testing.SseClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Summaries end to end in the whole application over real HTTP: calls driven through the tenant and
 * the agent API, transcript and recording attached, the summary written by a stub OpenAI-compatible
 * service (or, when it fails, by the extractive summarizer) and read back from the interaction's
 * detail; transcript segments on the live event stream.
 */
class CallSummariesApiTest {

  private static final String BASE = "/api/v1/tenants/shop";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path directory;
  static StubChatCompletions model;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    model =
        new StubChatCompletions(
            request -> {
              if (request.systemMessage().startsWith("Translate")) {
                return request.userMessage().contains("fail")
                    ? Reply.status(502)
                    : Reply.ok("[" + request.systemMessage() + "] " + request.userMessage());
              }
              return request.userMessage().contains("Outcome: abandoned")
                  ? Reply.status(500)
                  : Reply.ok(
                      "{\"summary\": \"The customer's invoice was corrected.\","
                          + " \"keyPoints\": [\"double charge\", \"refund\"]}");
            });
    server =
        RunningServer.start(
            directory,
            "--tandem.summary.provider=openai-compatible",
            "--tandem.summary.openai.base-url=" + model.baseUrl(),
            "--tandem.summary.openai.model=gpt-test",
            "--tandem.summary.openai.api-key=sk-never-logged",
            "--tandem.summary.openai.timeout=5s",
            "--tandem.summary.settle-time=2s",
            "--tandem.translation.provider=openai-compatible",
            "--tandem.translation.openai.base-url=" + model.baseUrl(),
            "--tandem.translation.openai.model=gpt-test");
    http = server.http().as("supervisor");
    assertThat(http.put(BASE, "{\"name\": \"Shop\"}").status()).isEqualTo(201);
    tell(
        t -> {
          t.configureQueue(
              QueueConfig.builder("billing")
                  .skills("billing >= 1")
                  .wrapUp(Duration.ofMinutes(5))
                  .build());
          t.configureAgent(AgentProfile.voice("anna", AgentSkills.of(Map.of("billing", 1), "en")));
          t.configureQueue(
              QueueConfig.builder("vip").skills("vip >= 1").wrapUp(Duration.ofMinutes(5)).build());
          t.configureQueue(QueueConfig.builder("parking").skills("nobody >= 1").build());
          t.configureAgent(AgentProfile.voice("ben", AgentSkills.of(Map.of("vip", 1), "en")));
        });
  }

  @AfterAll
  static void stop() {
    server.close();
    model.close();
  }

  private static void tell(Consumer<Tenant> command) {
    server.bean(TenantRegistry.class).tenant(new TenantId("shop")).tell(command).join();
  }

  private static InteractionId queuedCall(String id) {
    InteractionId call = new InteractionId(id);
    tell(
        t -> {
          t.arrive(call, Channel.VOICE, "+4930111", "+4930999", Map.of());
          t.startVirtualAssistant(call, "entry");
          t.setAttributes(call, Map.of("intent", "invoice-question"));
          t.enqueue(call, new QueueId("billing"), null);
        });
    return call;
  }

  private static JsonNode summaryOf(String id) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                !http.get(BASE + "/interactions/" + id)
                    .json()
                    .get("insights")
                    .get("summary")
                    .isNull());
    return http.get(BASE + "/interactions/" + id).json();
  }

  @Test
  void answeredCall_isSummarizedByTheModel_afterWrapUp_withItsTranscriptAndRecording()
      throws Exception {
    assertThat(http.post(BASE + "/agents/anna/login", "{}").status()).isEqualTo(200);
    InteractionId call = queuedCall("call-1");
    try (SseClient live =
        SseClient.open(
            server.base().resolve(BASE + "/events?types=interaction.TranscriptAdded"), Map.of())) {
      tell(
          t -> {
            t.acceptOffer(t.state().agent(new AgentId("anna")).reservation());
            t.insights().recording(call, "rec-1", RecordingState.ACTIVE, "");
            t.insights()
                .transcript(
                    call,
                    new TranscriptSegment(
                        "agent",
                        "I refunded the charge.",
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2),
                        0.8));
            t.insights()
                .transcript(
                    call,
                    new TranscriptSegment(
                        "customer",
                        "I was charged twice.",
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(3),
                        0.95));
            t.customerHungUp(call);
          });

      SseClient.Event streamed = live.next(WAIT);
      assertThat(streamed.type()).isEqualTo("interaction.TranscriptAdded");
      assertThat(JSON.readTree(streamed.data()).get("data").get("text").asString())
          .isEqualTo("I refunded the charge.");
    }
    assertThat(http.post(BASE + "/agents/anna/wrap-up", "{\"code\": \"refund\"}").status())
        .isEqualTo(200);

    JsonNode detail = summaryOf("call-1");

    JsonNode insights = detail.get("insights");
    JsonNode summary = insights.get("summary");
    assertThat(summary.get("text").asString()).isEqualTo("The customer's invoice was corrected.");
    assertThat(summary.get("keyPoints").valueStream().map(JsonNode::asString))
        .containsExactly("double charge", "refund");
    assertThat(summary.get("summarizer").asString()).isEqualTo("openai:gpt-test");
    assertThat(summary.get("outcome").asString()).isEqualTo("connected");
    assertThat(summary.get("wrapUpCode").asString()).isEqualTo("refund");
    assertThat(summary.get("intents").valueStream().map(JsonNode::asString))
        .containsExactly("virtual-assistant:entry", "invoice-question", "queue:billing");
    assertThat(insights.get("transcript").findValuesAsString("text"))
        .containsExactly("I was charged twice.", "I refunded the charge.");
    assertThat(insights.get("transcript").get(0).get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(insights.get("recording").get("state").asString()).isEqualTo("ACTIVE");
    List<String> types = detail.get("timeline").findValuesAsString("type");
    assertThat(types.indexOf("interaction.Summarized"))
        .isGreaterThan(types.indexOf("interaction.WrapUpCompleted"));
    assertThat(types).containsOnlyOnce("interaction.Summarized");
    StubChatCompletions.Request asked =
        model.requests().stream()
            .filter(r -> r.userMessage().contains("I was charged twice."))
            .findFirst()
            .orElseThrow();
    assertThat(asked.userMessage()).contains("[00:04] customer: I was charged twice.");
    assertThat(asked.authorization()).isEqualTo("Bearer sk-never-logged");
  }

  @Test
  void aSegmentThatArrivesJustAfterTheEnd_isInTheSummary() {
    InteractionId call = queuedCall("call-6");
    tell(t -> t.customerHungUp(call));
    tell(
        t ->
            t.insights()
                .transcript(
                    call,
                    new TranscriptSegment(
                        "customer",
                        "Never mind, I found the receipt.",
                        Duration.ofSeconds(9),
                        Duration.ofSeconds(2),
                        0.9)));

    summaryOf("call-6");

    assertThat(model.requests())
        .anySatisfy(
            asked ->
                assertThat(asked.userMessage())
                    .contains("customer: Never mind, I found the receipt."));
  }

  @Test
  void abandonedCall_whenTheModelFails_getsTheExtractiveSummary_sayingWhy() {
    InteractionId call = queuedCall("call-2");
    tell(t -> t.customerHungUp(call));

    JsonNode summary = summaryOf("call-2").get("insights").get("summary");

    assertThat(summary.get("summarizer").asString())
        .isEqualTo("extractive (openai failed: HTTP 500)");
    assertThat(summary.get("outcome").asString()).isEqualTo("abandoned");
    assertThat(summary.get("text").asString()).startsWith("The caller hung up after waiting");
    assertThat(summary.get("wrapUpCode").isNull()).isTrue();
    assertThat(summary.get("keyPoints").size()).isZero();
  }

  @Test
  void unknownInteraction_isRejected_byInsightCommands() {
    var registry = server.bean(TenantRegistry.class).tenant(new TenantId("shop"));
    var failed =
        registry.tell(
            t ->
                t.insights()
                    .transcript(
                        new InteractionId("nobody"),
                        new TranscriptSegment("customer", "hi", Duration.ZERO, Duration.ZERO, 1)));

    assertThat(failed)
        .failsWithin(WAIT)
        .withThrowableThat()
        .withCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transcript_translated_keepsTheOriginal_andRefusesWhatItCannotDo() {
    InteractionId call = queuedCall("call-3");
    tell(
        t -> {
          t.insights()
              .transcript(
                  call,
                  new TranscriptSegment(
                      "customer", "Hello there.", Duration.ZERO, Duration.ofSeconds(1), 0.5));
          t.customerHungUp(call);
        });

    JsonNode original = http.get(BASE + "/interactions/call-3/transcript").json();
    JsonNode german = http.get(BASE + "/interactions/call-3/transcript?to=de&from=en-US").json();

    assertThat(original.get("language").isNull()).isTrue();
    assertThat(original.get("lines").get(0).get("text").asString()).isEqualTo("Hello there.");
    assertThat(original.get("lines").get(0).get("original").isNull()).isTrue();
    assertThat(german.get("language").asString()).isEqualTo("de");
    assertThat(german.get("lines").get(0).get("text").asString())
        .startsWith("[Translate the user's text from en-US to de.")
        .endsWith("] Hello there.");
    assertThat(german.get("lines").get(0).get("original").asString()).isEqualTo("Hello there.");
    assertThat(http.get(BASE + "/interactions/call-3/transcript?to=%21%21").status())
        .isEqualTo(400);
    assertThat(http.get(BASE + "/interactions/nobody/transcript").status()).isEqualTo(404);
  }

  @Test
  void transcript_whenTheTranslatorFails_is503() {
    InteractionId call = queuedCall("call-4");
    tell(
        t -> {
          t.insights()
              .transcript(
                  call,
                  new TranscriptSegment(
                      "customer", "Please fail.", Duration.ZERO, Duration.ofSeconds(1), 0.5));
          t.customerHungUp(call);
        });

    var answer = http.get(BASE + "/interactions/call-4/transcript?to=de");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.json().get("detail").asString()).isEqualTo("cannot translate now: HTTP 502");
  }

  @Test
  void callTransferredToAQueue_isSummarizedOnlyWhenItEnds_notAtTheAgentsWrapUp() {
    assertThat(http.post(BASE + "/agents/ben/login", "{}").status()).isEqualTo(200);
    InteractionId call = new InteractionId("call-5");
    tell(
        t -> {
          t.arrive(call, Channel.VOICE, "+4930555", "+4930999", Map.of());
          t.enqueue(call, new QueueId("vip"), null);
          t.acceptOffer(t.state().agent(new AgentId("ben")).reservation());
          t.work().transferToQueue(call, new QueueId("parking"));
        });
    assertThat(http.post(BASE + "/agents/ben/wrap-up", "{\"code\": \"moved\"}").status())
        .isEqualTo(200);
    tell(t -> t.customerHungUp(call));

    JsonNode detail = summaryOf("call-5");

    List<String> types = detail.get("timeline").findValuesAsString("type");
    assertThat(types).containsOnlyOnce("interaction.Summarized");
    assertThat(types.indexOf("interaction.Summarized"))
        .isGreaterThan(types.indexOf("interaction.Abandoned"));
    JsonNode summary = detail.get("insights").get("summary");
    assertThat(summary.get("outcome").asString()).isEqualTo("abandoned");
    assertThat(summary.get("wrapUpCode").asString()).isEqualTo("moved");
    assertThat(summary.get("intents").valueStream().map(JsonNode::asString))
        .containsExactly("queue:vip", "transfer:queue:parking", "queue:parking");
  }
}
