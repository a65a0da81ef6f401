package io.tandem.emulator.acs;

import io.tandem.emulator.http.Json;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One transcription subscription on an open socket: {@code TranscriptionMetadata} first, then for
 * each sentence the caller says an {@code Intermediate} result (first half of the words, when
 * intermediate results are enabled) and, when the sentence has been said (60 ms per character), a
 * {@code Final} one with every word. Offsets and durations are in ticks (100 ns) from the start of
 * the subscription.
 */
final class TranscriptionStream implements StreamSubscriptions.OpenStream {

  private static final long TICKS_PER_MILLI = 10_000;

  private final AcsCall call;
  private final StreamSocket socket;
  private final String participantRawId;
  private final boolean intermediate;
  private final Instant started;
  private boolean stopped;

  TranscriptionStream(
      AcsCall call,
      StreamSocket socket,
      String subscriptionId,
      String locale,
      String participantRawId,
      boolean intermediate) {
    this.call = call;
    this.socket = socket;
    this.participantRawId = participantRawId;
    this.intermediate = intermediate;
    this.started = call.scheduler().now();
    ObjectNode metadata = Json.object().put("kind", "TranscriptionMetadata");
    metadata
        .putObject("transcriptionMetadata")
        .put("subscriptionId", subscriptionId)
        .put("locale", locale)
        .put("callConnectionId", call.id())
        .put("correlationId", call.correlationId());
    socket.send(Json.text(metadata));
  }

  @Override
  public synchronized void said(String text) {
    if (stopped) {
      return;
    }
    Instant now = call.scheduler().now();
    long offset = Duration.between(started, now).toMillis() * TICKS_PER_MILLI;
    long duration = Math.max(500, 60L * text.length()) * TICKS_PER_MILLI;
    String[] words = text.trim().split("\\s+");
    if (intermediate && words.length > 1) {
      int half = (words.length + 1) / 2;
      socket.send(frame(words, half, offset, duration * half / words.length, 0.7, "Intermediate"));
    }
    call.later(
        Duration.ofMillis(duration / TICKS_PER_MILLI),
        () -> {
          synchronized (this) {
            if (!stopped) {
              socket.send(frame(words, words.length, offset, duration, 0.95, "Final"));
            }
          }
        });
  }

  private String frame(
      String[] words, int count, long offset, long duration, double confidence, String status) {
    ObjectNode frame = Json.object().put("kind", "TranscriptionData");
    ObjectNode data = frame.putObject("transcriptionData");
    data.put("text", String.join(" ", java.util.Arrays.copyOf(words, count)));
    data.put("format", "display");
    data.put("confidence", confidence);
    data.put("offset", offset);
    data.put("duration", duration);
    ArrayNode list = data.putArray("words");
    long each = duration / Math.max(1, count);
    for (int i = 0; i < count; i++) {
      list.addObject().put("text", words[i]).put("offset", offset + i * each).put("duration", each);
    }
    data.put("participantRawID", participantRawId);
    data.put("resultStatus", status);
    return Json.text(frame);
  }

  @Override
  public synchronized void stop() {
    stopped = true;
    socket.close();
  }
}
