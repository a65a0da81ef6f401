package io.tandem.server.insight;

import io.tandem.core.interaction.InteractionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an interaction's timeline says about its call, as the API shows it: the transcript (by
 * offset), the recording's latest state and the latest summary.
 *
 * @param transcript every final segment, by offset into the call
 * @param recording the latest recording state; {@code null} if the call was never recorded
 * @param summary the latest summary; {@code null} until the interaction is finished and summarized
 */
public record InteractionInsights(
    List<TranscriptLine> transcript, @Nullable Recording recording, @Nullable Summary summary) {

  /** One transcript segment; {@code confidence} 0-1. */
  public record TranscriptLine(
      String speaker,
      String text,
      long offsetMillis,
      long durationMillis,
      double confidence,
      Instant at) {}

  /**
   * A recording's state: {@code STARTING}, {@code ACTIVE}, {@code PAUSED}, {@code STOPPED}, {@code
   * FAILED}.
   */
  public record Recording(String recordingId, String state, String detail, Instant at) {}

  /** A call summary and who wrote it. */
  public record Summary(
      String text,
      List<String> keyPoints,
      List<String> intents,
      String outcome,
      @Nullable String wrapUpCode,
      String summarizer,
      Instant at) {}

  /** The insights in {@code timeline}, one interaction's events in order. */
  public static InteractionInsights of(List<InteractionEvent> timeline) {
    List<TranscriptLine> transcript = new ArrayList<>();
    Recording recording = null;
    Summary summary = null;
    for (InteractionEvent event : timeline) {
      switch (event) {
        case InteractionEvent.TranscriptAdded e ->
            transcript.add(
                new TranscriptLine(
                    e.speaker(),
                    e.text(),
                    e.offsetMillis(),
                    e.durationMillis(),
                    e.confidencePermille() / 1000.0,
                    e.at()));
        case InteractionEvent.RecordingChanged e ->
            recording = new Recording(e.recordingId(), e.state(), e.detail(), e.at());
        case InteractionEvent.Summarized e ->
            summary =
                new Summary(
                    e.text(),
                    e.keyPoints(),
                    e.intents(),
                    e.outcome(),
                    e.wrapUpCode(),
                    e.summarizer(),
                    e.at());
        default -> {
          // Routing events are the timeline's, not insights.
        }
      }
    }
    transcript.sort(Comparator.comparingLong(TranscriptLine::offsetMillis));
    return new InteractionInsights(List.copyOf(transcript), recording, summary);
  }
}
