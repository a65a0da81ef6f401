package io.tandem.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallRecordTest {

  private final Calls calls = new Calls();

  private TranscriptSegment segment(String speaker, String text, int offsetSeconds) {
    return new TranscriptSegment(
        speaker, text, Duration.ofSeconds(offsetSeconds), Duration.ofSeconds(2), 0.9);
  }

  @Test
  void answeredCall_hasWaitTalkWrapUpIntentsAttributesAndTranscriptByOffset() {
    InteractionId call =
        calls.queuedCall("c1", Map.of("intent", "invoice-question", "account", "4711"));
    calls.advance(Duration.ofSeconds(45));
    calls.annaAnswers();
    calls.advance(Duration.ofSeconds(30));
    calls.tenant.insights().transcript(call, segment("agent", "Second.", 20));
    calls.tenant.insights().transcript(call, segment("customer", "First.", 3));
    calls.advance(Duration.ofSeconds(162));
    calls.tenant.customerHungUp(call);
    calls.advance(Duration.ofSeconds(20));
    calls.tenant.completeWrapUp(Calls.ANNA, "sale", "upgrade to pro");

    CallRecord record = CallRecord.from(calls.timeline(call));

    assertThat(record.interaction()).isEqualTo(call);
    assertThat(record.outcome()).isEqualTo("connected");
    assertThat(record.waited()).isEqualTo(Duration.ofSeconds(45));
    assertThat(record.talked()).isEqualTo(Duration.ofSeconds(192));
    assertThat(record.wrapUpCode()).isEqualTo("sale");
    assertThat(record.wrapUpNotes()).isEqualTo("upgrade to pro");
    assertThat(record.intents())
        .containsExactly("virtual-assistant:entry", "invoice-question", "queue:billing");
    assertThat(record.attributes())
        .containsEntry("account", "4711")
        .containsEntry("intent", "invoice-question");
    assertThat(record.transcript())
        .extracting(TranscriptSegment::text)
        .containsExactly("First.", "Second.");
    assertThat(record.transcript().get(0).confidence()).isEqualTo(0.9);
  }

  @Test
  void abandonedCall_waitedUntilTheHangUp_andNeverTalked() {
    InteractionId call = calls.queuedCall("c1", Map.of());
    calls.advance(Duration.ofSeconds(70));
    calls.tenant.customerHungUp(call);

    CallRecord record = CallRecord.from(calls.timeline(call));

    assertThat(record.outcome()).isEqualTo("abandoned");
    assertThat(record.waited()).isEqualTo(Duration.ofSeconds(70));
    assertThat(record.talked()).isZero();
    assertThat(record.wrapUpCode()).isNull();
    assertThat(record.transcript()).isEmpty();
  }

  @Test
  void failedForwardedVoicemailAndCallback_eachHaveTheirOutcome() {
    InteractionId failed = calls.queuedCall("failed", Map.of());
    calls.tenant.fail(failed, "media-lost");
    InteractionId forwarded = calls.queuedCall("forwarded", Map.of());
    calls.tenant.requestCallback(forwarded, Calls.BILLING, "+4930111");
    InteractionId flowForward =
        calls.tenant.arrive(
            new InteractionId("ff"), io.tandem.core.interaction.Channel.VOICE, "a", "b", Map.of());
    calls.tenant.startVirtualAssistant(flowForward, "entry");
    calls.tenant.leaveVirtualAssistant(flowForward, new QueueAction.ToNumber("+4930222"));
    InteractionId voicemail =
        calls.tenant.arrive(
            new InteractionId("vm"), io.tandem.core.interaction.Channel.VOICE, "a", "b", Map.of());
    calls.tenant.startVirtualAssistant(voicemail, "entry");
    calls.tenant.leaveVirtualAssistant(voicemail, new QueueAction.ToVoicemail("box"));
    calls.tenant.customerHungUp(voicemail);

    assertThat(CallRecord.from(calls.timeline(failed)).outcome()).isEqualTo("failed:media-lost");
    CallRecord callback = CallRecord.from(calls.timeline(forwarded));
    assertThat(callback.outcome()).isEqualTo("callback");
    assertThat(callback.intents()).endsWith("callback");
    assertThat(CallRecord.from(calls.timeline(flowForward)).outcome()).isEqualTo("forwarded");
    CallRecord left = CallRecord.from(calls.timeline(voicemail));
    assertThat(left.outcome()).isEqualTo("voicemail");
    assertThat(left.intents()).containsExactly("virtual-assistant:entry", "voicemail:box");
  }

  @Test
  void callStillQueued_isInProgress() {
    InteractionId call = calls.queuedCall("c1", Map.of());
    calls.advance(Duration.ofSeconds(10));
    calls.tenant.insights().transcript(call, segment("customer", "Hello?", 1));

    CallRecord record = CallRecord.from(calls.timeline(call));

    assertThat(record.outcome()).isEqualTo("in-progress");
    assertThat(record.waited()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void emptyTimeline_isRejected() {
    assertThatThrownBy(() -> CallRecord.from(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
