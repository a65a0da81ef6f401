package io.tandem.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.interaction.InteractionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

  private static final InteractionId CALL = new InteractionId("c1");
  private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

  /** A billing call: greetings, the problem, small talk, the resolution. */
  private static List<TranscriptSegment> billingCall() {
    String[][] turns = {
      {"agent", "Hello, thank you for calling. How can I help you today?"},
      {"customer", "Hi. My last invoice charged the premium plan twice for October."},
      {"agent", "Okay. Let me see."},
      {"customer", "Yes. The invoice shows two premium plan charges on the same day."},
      {"agent", "Sure. One moment please."},
      {"agent", "The weather is nice today, is it not?"},
      {"customer", "Yes it is."},
      {"agent", "I refunded the duplicate premium plan charge to your card on the invoice."},
      {"customer", "Great, thanks. Bye."},
    };
    List<TranscriptSegment> segments = new ArrayList<>();
    for (int i = 0; i < turns.length; i++) {
      segments.add(
          new TranscriptSegment(
              turns[i][0], turns[i][1], Duration.ofSeconds(5L * i), Duration.ofSeconds(4), 0.9));
    }
    return segments;
  }

  private static CallRecord record(List<TranscriptSegment> transcript) {
    return new CallRecord(
        CALL,
        transcript,
        Map.of("account", "4711"),
        List.of("virtual-assistant:entry", "queue:billing"),
        "connected",
        "refund",
        "refunded one charge",
        Duration.ofSeconds(45),
        Duration.ofSeconds(192));
  }

  @Test
  void keyPoints_areTheContentSentences_inCallOrder_notGreetingsOrSmallTalk() {
    CallSummary summary = summarizer.summarize(record(billingCall()));

    assertThat(summary.keyPoints())
        .containsExactly(
            "customer: My last invoice charged the premium plan twice for October.",
            "customer: The invoice shows two premium plan charges on the same day.",
            "agent: I refunded the duplicate premium plan charge to your card on the invoice.");
    assertThat(summary.summarizer()).isEqualTo("extractive");
  }

  @Test
  void text_statesOutcomeTimesIntentsGatheredDataAndWrapUp() {
    CallSummary summary = summarizer.summarize(record(billingCall()));

    assertThat(summary.text())
        .startsWith("The caller talked with an agent for 3 min 12 s after waiting 45 s.")
        .contains("Intents: virtual-assistant:entry, queue:billing.")
        .contains("Gathered: account=4711.")
        .contains("Wrap-up code: refund.")
        .contains("Agent notes: refunded one charge.")
        .contains("Key points: customer: My last invoice");
    assertThat(summary.intents()).containsExactly("virtual-assistant:entry", "queue:billing");
    assertThat(summary.outcome()).isEqualTo("connected");
    assertThat(summary.wrapUpCode()).isEqualTo("refund");
  }

  @Test
  void sameRecord_givesTheSameSummary() {
    CallRecord record = record(billingCall());

    assertThat(new ExtractiveSummarizer().summarize(record))
        .isEqualTo(summarizer.summarize(record));
  }

  @Test
  void keyPoints_areLimited_andNearRepeatsAreSkipped() {
    List<TranscriptSegment> transcript = new ArrayList<>(billingCall());
    transcript.add(
        new TranscriptSegment(
            "customer",
            "My last invoice charged the premium plan twice for October!",
            Duration.ofSeconds(60),
            Duration.ofSeconds(3),
            0.9));

    CallSummary one = new ExtractiveSummarizer(1).summarize(record(transcript));
    CallSummary five = new ExtractiveSummarizer(5).summarize(record(transcript));

    assertThat(one.keyPoints()).hasSize(1);
    assertThat(five.keyPoints())
        .filteredOn(p -> p.contains("charged the premium plan twice"))
        .hasSize(1);
  }

  @Test
  void callWithoutTranscript_isSummarizedFromTheTimeline() {
    Calls calls = new Calls();
    InteractionId call = calls.queuedCall("c1", Map.of("intent", "lost-card"));
    calls.advance(Duration.ofSeconds(70));
    calls.tenant.customerHungUp(call);

    CallSummary summary = summarizer.summarize(CallRecord.from(calls.timeline(call)));

    assertThat(summary.keyPoints()).isEmpty();
    assertThat(summary.text())
        .startsWith("The caller hung up after waiting 1 min 10 s, before reaching an agent.")
        .contains("Intents: virtual-assistant:entry, lost-card, queue:billing.")
        .endsWith("No transcript.");
    assertThat(summary.outcome()).isEqualTo("abandoned");
  }

  @Test
  void transcriptOfGreetingsOnly_hasNoKeyPoints() {
    List<TranscriptSegment> hello =
        List.of(
            new TranscriptSegment("customer", "Hello? Hello.", Duration.ZERO, Duration.ZERO, 0.5));

    CallSummary summary = summarizer.summarize(record(hello));

    assertThat(summary.keyPoints()).isEmpty();
    assertThat(summary.text()).doesNotContain("Key points");
  }

  @Test
  void spokenDurations() {
    assertThat(ExtractiveSummarizer.spoken(Duration.ofSeconds(59))).isEqualTo("59 s");
    assertThat(ExtractiveSummarizer.spoken(Duration.ofSeconds(120))).isEqualTo("2 min");
    assertThat(ExtractiveSummarizer.spoken(Duration.ofSeconds(3720))).isEqualTo("1 h 2 min");
  }

  @Test
  void keyPointLimit_outsideOneToTwenty_isRejected() {
    assertThatThrownBy(() -> new ExtractiveSummarizer(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExtractiveSummarizer(21))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
