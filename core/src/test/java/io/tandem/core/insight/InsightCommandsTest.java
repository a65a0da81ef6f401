package io.tandem.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.time.VirtualTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightCommandsTest {

  private final Calls calls = new Calls();
  private final InsightCommands insights = calls.tenant.insights();

  private static TranscriptSegment said(String text) {
    return new TranscriptSegment(
        TranscriptSegment.CUSTOMER, text, Duration.ofMillis(1500), Duration.ofMillis(2200), 0.873);
  }

  @Test
  void transcript_ofALiveInteraction_isRecordedWithItsTimesAndConfidence() {
    InteractionId call = calls.queuedCall("c1", Map.of());
    calls.advance(Duration.ofSeconds(5));

    insights.transcript(call, said("My invoice is wrong."));

    assertThat(calls.events.getLast())
        .isEqualTo(
            new InteractionEvent.TranscriptAdded(
                call, "customer", "My invoice is wrong.", 1500, 2200, 873, calls.time.instant()));
    assertThat(calls.tenant.state().interaction(call).state()).isEqualTo(InteractionState.QUEUED);
  }

  @Test
  void transcript_ofAnUnknownInteraction_isRejected_andRecordsNothing() {
    int before = calls.events.size();

    assertThatThrownBy(() -> insights.transcript(new InteractionId("nobody"), said("Hello?")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown interaction nobody");
    assertThat(calls.events).hasSize(before);
  }

  @Test
  void transcript_afterTheCallEnded_isStillAttached_whileTheLateWindowLasts() {
    InteractionId call = calls.queuedCall("c1", Map.of());
    calls.tenant.customerHungUp(call);
    assertThat(calls.tenant.state().interaction(call)).isNull();
    calls.advance(InsightCommands.LATE_WINDOW.minusSeconds(1));

    insights.transcript(call, said("Final words."));

    assertThat(calls.events.getLast()).isInstanceOf(InteractionEvent.TranscriptAdded.class);
    calls.advance(Duration.ofSeconds(2));
    assertThatThrownBy(() -> insights.transcript(call, said("Too late.")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c1");
  }

  @Test
  void transcript_afterWrapUp_isStillAttached() {
    InteractionId call = calls.queuedCall("c1", Map.of());
    calls.annaAnswers();
    calls.tenant.customerHungUp(call);
    calls.tenant.completeWrapUp(Calls.ANNA, "sale", null);

    insights.transcript(call, said("Late."));

    assertThat(calls.events.getLast()).isInstanceOf(InteractionEvent.TranscriptAdded.class);
  }

  @Test
  void recording_recordsTheStateByName_andRejectsABlankId() {
    InteractionId call = calls.queuedCall("c1", Map.of());

    insights.recording(call, "rec-1", RecordingState.PAUSED, "card details");

    assertThat(calls.events.getLast())
        .isEqualTo(
            new InteractionEvent.RecordingChanged(
                call, "rec-1", "PAUSED", "card details", calls.time.instant()));
    assertThatThrownBy(() -> insights.recording(call, " ", RecordingState.ACTIVE, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                insights.recording(new InteractionId("x"), "rec-1", RecordingState.FAILED, "oops"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summarized_recordsEveryPartOfTheSummary() {
    InteractionId call = calls.queuedCall("c1", Map.of());
    calls.tenant.customerHungUp(call);
    CallSummary summary =
        new CallSummary(
            "The caller hung up.", List.of("a"), List.of("queue:billing"), "abandoned", null, "x");

    insights.summarized(call, summary);

    assertThat(calls.events.getLast())
        .isEqualTo(
            new InteractionEvent.Summarized(
                call,
                "The caller hung up.",
                List.of("a"),
                List.of("queue:billing"),
                "abandoned",
                null,
                "x",
                calls.time.instant()));
  }

  @Test
  void replay_acceptsInsightEvents_ofLiveAndFinishedInteractions() {
    InteractionId live = calls.queuedCall("c1", Map.of());
    InteractionId gone = calls.queuedCall("c2", Map.of());
    insights.recording(live, "rec-1", RecordingState.ACTIVE, "");
    calls.tenant.customerHungUp(gone);
    insights.transcript(gone, said("Bye."));
    insights.summarized(
        gone, new CallSummary("Gone.", List.of(), List.of(), "abandoned", null, "extractive"));

    VirtualTime later = new VirtualTime(calls.time.instant().plusSeconds(10));
    Tenant restarted = new Tenant(calls.tenant.id(), later, later);
    List<TenantEvent> log = List.copyOf(calls.events);

    assertThat(restarted.recover(log).eventsReplayed()).isEqualTo(log.size());
    assertThat(restarted.state().interaction(gone)).isNull();
  }
}
