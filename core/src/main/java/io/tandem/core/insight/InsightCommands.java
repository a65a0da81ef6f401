package io.tandem.core.insight;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Commands that attach insights to a tenant's interactions: transcript segments, recording states
 * and summaries, each recorded as an {@link InteractionEvent} that changes no routing state.
 *
 * <p>An interaction is known while it is live and for {@link #LATE_WINDOW} after it finished (at
 * most {@link #MAX_FINISHED} finished ones are remembered), so final transcript segments and the
 * summary that come after the hang-up are still attached. Finished interactions are remembered from
 * the events this object sees through {@link #endings()}: after a restart, only those that finished
 * since. Anything else is an unknown interaction: {@link IllegalArgumentException}.
 *
 * <p>Single writer: obtained with {@code Tenant.insights()} and called on the tenant's thread.
 */
public final class InsightCommands {

  /** How long after it finished an interaction still takes insights. */
  public static final Duration LATE_WINDOW = Duration.ofMinutes(15);

  /** The most finished interactions remembered for late insights. */
  static final int MAX_FINISHED = 100_000;

  private final Consumer<? super InteractionEvent> emit;
  private final Clock clock;
  private final Predicate<InteractionId> live;
  private final Map<InteractionId, Instant> finished = new LinkedHashMap<>();

  /**
   * Commands for one tenant.
   *
   * @param emit applies an event to the tenant and publishes it
   * @param clock the tenant's clock
   * @param live whether an interaction is in the tenant's live state
   */
  public InsightCommands(
      Consumer<? super InteractionEvent> emit, Clock clock, Predicate<InteractionId> live) {
    this.emit = emit;
    this.clock = clock;
    this.live = live;
  }

  /** Attaches a final transcript segment to the interaction. */
  public void transcript(InteractionId id, TranscriptSegment segment) {
    requireKnown(id);
    emit.accept(
        new InteractionEvent.TranscriptAdded(
            id,
            segment.speaker(),
            segment.text(),
            segment.offset().toMillis(),
            segment.duration().toMillis(),
            (int) Math.round(segment.confidence() * 1000),
            clock.instant()));
  }

  /** The recording {@code recordingId} of the interaction's call is now {@code state}. */
  public void recording(InteractionId id, String recordingId, RecordingState state, String detail) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
    if (recordingId.isBlank()) {
      throw new IllegalArgumentException("a recording needs an id");
    }
    requireKnown(id);
    emit.accept(
        new InteractionEvent.RecordingChanged(
            id, recordingId, state.name(), detail, clock.instant()));
  }

  /** Attaches the summary of the finished (or finishing) interaction. */
  public void summarized(InteractionId id, CallSummary summary) {
    requireKnown(id);
    emit.accept(
        new InteractionEvent.Summarized(
            id,
            summary.text(),
            summary.keyPoints(),
            summary.intents(),
            summary.outcome(),
            summary.wrapUpCode(),
            summary.summarizer(),
            clock.instant()));
  }

  /**
   * The listener that remembers interactions as they finish; the tenant adds it before any other,
   * so that it sees every event right after it was applied.
   */
  public TenantEventListener endings() {
    return this::remember;
  }

  private void remember(TenantEvent event) {
    if (event instanceof InteractionEvent about && !live.test(about.interaction())) {
      finished.putIfAbsent(about.interaction(), event.at());
      forgetOld();
    }
  }

  private void requireKnown(InteractionId id) {
    Objects.requireNonNull(id, "id");
    if (live.test(id)) {
      return;
    }
    forgetOld();
    if (!finished.containsKey(id)) {
      throw new IllegalArgumentException(
          "unknown interaction " + id + " (or it finished more than " + LATE_WINDOW + " ago)");
    }
  }

  private void forgetOld() {
    Instant oldest = clock.instant().minus(LATE_WINDOW);
    Iterator<Instant> ends = finished.values().iterator();
    while (ends.hasNext()) {
      Instant end = ends.next();
      if (end.isBefore(oldest) || finished.size() > MAX_FINISHED) {
        ends.remove();
      } else {
        return;
      }
    }
  }
}
