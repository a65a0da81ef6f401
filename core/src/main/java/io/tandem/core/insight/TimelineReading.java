package io.tandem.core.insight;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One pass over an interaction's events that gathers its {@link CallRecord}. */
final class TimelineReading {

  private final InteractionId interaction;
  private final List<TranscriptSegment> transcript = new ArrayList<>();
  private final Map<String, String> attributes = new TreeMap<>();
  private final Set<String> intents = new LinkedHashSet<>();
  private @Nullable String ending;
  private boolean connected;
  private boolean callback;
  private @Nullable String wrapUpCode;
  private @Nullable String wrapUpNotes;
  private @Nullable Instant queuedAt;
  private @Nullable Instant waitEnded;
  private @Nullable Instant connectedAt;
  private Duration talked = Duration.ZERO;

  TimelineReading(InteractionId interaction) {
    this.interaction = interaction;
  }

  CallRecord read(List<InteractionEvent> timeline) {
    Instant last = timeline.get(0).at();
    for (InteractionEvent event : timeline) {
      if (event.interaction().equals(interaction)) {
        last = event.at();
        on(event);
      }
    }
    if (connectedAt != null) {
      talked = talked.plus(Duration.between(connectedAt, last));
    }
    Duration waited =
        queuedAt == null
            ? Duration.ZERO
            : Duration.between(queuedAt, waitEnded == null ? last : waitEnded);
    transcript.sort(Comparator.comparing(TranscriptSegment::offset));
    return new CallRecord(
        interaction,
        transcript,
        attributes,
        List.copyOf(intents),
        outcome(),
        wrapUpCode,
        wrapUpNotes,
        waited,
        talked);
  }

  private String outcome() {
    if (ending != null) {
      return ending;
    }
    if (connected) {
      return "connected";
    }
    return callback ? "callback" : "in-progress";
  }

  private void on(InteractionEvent event) {
    switch (event) {
      case InteractionEvent.Arrived e -> setAttributes(e.attributes());
      case InteractionEvent.AttributesChanged e -> setAttributes(e.attributes());
      case InteractionEvent.VirtualAssistantStarted e ->
          intents.add("virtual-assistant:" + e.flow());
      case InteractionEvent.Queued e -> queued("queue:" + e.queue().value(), e.at());
      case InteractionEvent.TransferredToQueue e -> {
        talkEnded(e.at());
        queued("queue:" + e.queue().value(), e.at());
      }
      case InteractionEvent.CallbackRequested e -> {
        callback = true;
        intents.add("callback");
      }
      case InteractionEvent.Connected e -> {
        connected = true;
        connectedAt = e.at();
        if (waitEnded == null) {
          waitEnded = e.at();
        }
      }
      case InteractionEvent.Disconnected e -> talkEnded(e.at());
      case InteractionEvent.ConsultStarted e -> intents.add("consult:" + e.target());
      case InteractionEvent.TransferStarted e -> intents.add("transfer:" + e.target());
      case InteractionEvent.VoicemailStarted e -> intents.add("voicemail:" + e.mailbox());
      case InteractionEvent.VoicemailLeft e -> attributes.put("voicemail.message", e.message());
      case InteractionEvent.WrapUpCompleted e -> {
        wrapUpCode = e.code();
        wrapUpNotes = e.notes();
      }
      case InteractionEvent.Abandoned e -> end("abandoned", e.at());
      case InteractionEvent.Failed e -> end("failed:" + e.reason(), e.at());
      case InteractionEvent.Ended e -> end(endingOf(e.reason()), e.at());
      case InteractionEvent.TranscriptAdded e ->
          transcript.add(
              new TranscriptSegment(
                  e.speaker(),
                  e.text(),
                  Duration.ofMillis(e.offsetMillis()),
                  Duration.ofMillis(e.durationMillis()),
                  Math.clamp(e.confidencePermille() / 1000.0, 0.0, 1.0)));
      default -> {
        // Routing steps (offers, holds, escalations …) say nothing a summary needs.
      }
    }
  }

  private void setAttributes(Map<String, String> changed) {
    attributes.putAll(changed);
    String intent = changed.get(CallRecord.INTENT_ATTRIBUTE);
    if (intent != null && !intent.isBlank()) {
      intents.add(intent.strip());
    }
  }

  private void queued(String intent, Instant at) {
    intents.add(intent);
    if (queuedAt == null) {
      queuedAt = at;
    }
  }

  private void talkEnded(Instant at) {
    if (connectedAt != null) {
      talked = talked.plus(Duration.between(connectedAt, at));
      connectedAt = null;
    }
  }

  private void end(String outcome, Instant at) {
    talkEnded(at);
    if (waitEnded == null) {
      waitEnded = at;
    }
    ending = outcome;
  }

  private static String endingOf(String reason) {
    if (reason.startsWith("forwarded")) {
      return "forwarded";
    }
    return reason.equals("voicemail") ? "voicemail" : "ended:" + reason;
  }
}
