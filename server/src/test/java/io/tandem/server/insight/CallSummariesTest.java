package io.tandem.server.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.insight.CallRecord;
import io.tandem.core.insight.CallSummary;
import io.tandem.core.insight.SummaryUnavailableException;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueId;
import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Which events may finish an interaction, and the fallback when the summarizer fails. */
class CallSummariesTest {

  private static final InteractionId CALL = new InteractionId("c1");
  private static final AgentId ANNA = new AgentId("anna");
  private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
  private static final CallRecord RECORD =
      new CallRecord(
          CALL,
          List.of(),
          Map.of(),
          List.of("queue:billing"),
          "abandoned",
          null,
          null,
          Duration.ofSeconds(30),
          Duration.ZERO);

  private static CallSummaries with(io.tandem.core.insight.CallSummarizer summarizer) {
    return new CallSummaries(
        id -> null,
        new EventHistory(new JdbcDataSource(), new EventCodec()),
        summarizer,
        "openai",
        1,
        Duration.ZERO);
  }

  @Test
  void finishingEvents_areTheEndsOfAnInteraction_andDisconnectedOnlyWithoutWrapUp() {
    assertThat(CallSummaries.mayFinish(new InteractionEvent.Abandoned(CALL, AT))).isTrue();
    assertThat(CallSummaries.mayFinish(new InteractionEvent.Ended(CALL, "voicemail", AT))).isTrue();
    assertThat(CallSummaries.mayFinish(new InteractionEvent.Failed(CALL, "x", AT))).isTrue();
    assertThat(
            CallSummaries.mayFinish(
                new InteractionEvent.WrapUpCompleted(CALL, ANNA, null, null, true, AT)))
        .isTrue();
    assertThat(
            CallSummaries.mayFinish(
                new InteractionEvent.Disconnected(CALL, ANNA, DisconnectedBy.CUSTOMER, null, AT)))
        .isTrue();
    assertThat(
            CallSummaries.mayFinish(
                new InteractionEvent.Disconnected(
                    CALL, ANNA, DisconnectedBy.CUSTOMER, AT.plusSeconds(60), AT)))
        .isFalse();
    assertThat(
            CallSummaries.mayFinish(
                new InteractionEvent.Queued(CALL, new QueueId("billing"), null, null, AT)))
        .isFalse();
    assertThat(
            CallSummaries.mayFinish(
                new InteractionEvent.Summarized(
                    CALL, "x", List.of(), List.of(), "abandoned", null, "extractive", AT)))
        .isFalse();
  }

  @Test
  void summarizerUnavailable_fallsBackToExtractive_sayingWhy() {
    try (CallSummaries summaries =
        with(
            call -> {
              throw new SummaryUnavailableException("timeout");
            })) {
      CallSummary summary = summaries.summarize(RECORD);

      assertThat(summary.summarizer()).isEqualTo("extractive (openai failed: timeout)");
      assertThat(summary.text()).startsWith("The caller hung up after waiting 30 s");
      assertThat(summary.intents()).containsExactly("queue:billing");
    }
  }

  @Test
  void summarizerThatBreaks_fallsBackToExtractive_namingTheError() {
    try (CallSummaries summaries =
        with(
            call -> {
              throw new IllegalStateException("bug");
            })) {
      assertThat(summaries.summarize(RECORD).summarizer())
          .isEqualTo("extractive (openai failed: IllegalStateException)");
    }
  }

  @Test
  void workingSummarizer_isUsedAsItIs() {
    CallSummary written =
        new CallSummary("Fine.", List.of(), List.of(), "abandoned", null, "openai:m");
    try (CallSummaries summaries = with(call -> written)) {
      assertThat(summaries.summarize(RECORD)).isSameAs(written);
    }
  }
}
