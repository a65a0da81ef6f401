package io.tandem.acs.unify;

import io.tandem.acs.streams.StreamFrame;
import io.tandem.acs.streams.TranscriptSink;
import io.tandem.core.insight.TranscriptSegment;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Live transcription of the channel's calls: the final segments ACS streams for a call connection
 * are attached to its interaction ({@code TranscriptAdded}), the speaker named {@code customer} or
 * {@code agent} when the participant is the caller or the agent who joined (else the raw id, or
 * {@code unknown} when the stream names nobody). A call connection stays known for {@link #LATE}
 * after its call ended, since the last segments arrive after the hang-up. Intermediate results are
 * not recorded. Thread-safe: the sink runs on the streams' threads.
 */
final class LiveTranscripts implements TranscriptSink {

  /** How long after its end a call connection's segments are still attached. */
  static final Duration LATE = Duration.ofMinutes(15);

  private static final System.Logger LOG = System.getLogger(LiveTranscripts.class.getName());
  private static final int LIMIT = 100_000;
  private static final long TICKS_PER_MILLI = 10_000;

  private final TenantAccess tenant;
  private final Clock clock;
  private final Map<String, Speakers> calls = new ConcurrentHashMap<>();

  /** Who speaks in one call connection, and when it ended (null while live). */
  private record Speakers(
      InteractionId interaction,
      String callerRawId,
      @Nullable String agentRawId,
      @Nullable Instant endedAt) {}

  LiveTranscripts(TenantAccess tenant, Clock clock) {
    this.tenant = tenant;
    this.clock = clock;
  }

  /**
   * Segments of {@code connectionId} belong to {@code interaction}; the caller is {@code caller}.
   */
  void follow(String connectionId, InteractionId interaction, String callerRawId) {
    forgetOld();
    if (calls.size() < LIMIT) {
      calls.put(connectionId, new Speakers(interaction, callerRawId, null, null));
    }
  }

  /** The agent {@code agentRawId} joined the call connection. */
  void agentJoined(String connectionId, String agentRawId) {
    calls.computeIfPresent(
        connectionId,
        (id, known) ->
            new Speakers(known.interaction(), known.callerRawId(), agentRawId, known.endedAt()));
  }

  /** The call connection ended; late segments are still attached for {@link #LATE}. */
  void ended(String connectionId) {
    Instant now = clock.instant();
    calls.computeIfPresent(
        connectionId,
        (id, known) ->
            new Speakers(known.interaction(), known.callerRawId(), known.agentRawId(), now));
  }

  @Override
  public void metadata(String callConnectionId, StreamFrame.TranscriptionMetadata metadata) {
    LOG.log(
        System.Logger.Level.DEBUG,
        "transcription of {0} in {1}",
        callConnectionId,
        metadata.locale());
  }

  @Override
  public void segment(String callConnectionId, StreamFrame.TranscriptionData data) {
    Speakers speakers = calls.get(callConnectionId);
    if (speakers == null
        || data.status() != StreamFrame.ResultStatus.FINAL
        || data.text().isBlank()) {
      return;
    }
    TranscriptSegment segment =
        new TranscriptSegment(
            speaker(speakers, data.participantRawId()),
            data.text(),
            Duration.ofMillis(Math.max(0, data.offsetTicks() / TICKS_PER_MILLI)),
            Duration.ofMillis(Math.max(0, data.durationTicks() / TICKS_PER_MILLI)),
            Math.max(0, Math.min(1, data.confidence())));
    tenant
        .tell(t -> t.insights().transcript(speakers.interaction(), segment))
        .whenComplete(
            (done, refused) -> {
              if (refused != null) {
                LOG.log(
                    System.Logger.Level.DEBUG,
                    "segment of {0} not attached: {1}",
                    callConnectionId,
                    refused.getMessage());
              }
            });
  }

  @Override
  public void closed(String callConnectionId) {
    // The call's end, not the socket's, decides how long segments are attached.
  }

  private static String speaker(Speakers speakers, @Nullable String rawId) {
    if (rawId == null || rawId.isBlank()) {
      return "unknown";
    }
    if (rawId.equals(speakers.callerRawId())) {
      return TranscriptSegment.CUSTOMER;
    }
    return rawId.equals(speakers.agentRawId()) ? TranscriptSegment.AGENT : rawId;
  }

  private void forgetOld() {
    Instant oldest = clock.instant().minus(LATE);
    calls.values().removeIf(known -> known.endedAt() != null && known.endedAt().isBefore(oldest));
  }
}
