package io.tandem.acs.streams;

import io.tandem.acs.streams.StreamFrame.AudioData;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one media-streaming connection carried: audio frames, PCM bytes, silent frames, DTMF tones,
 * the participants heard, the first and last frame timestamps, and the longest gap between two
 * consecutive frames of one participant (of the mixed stream when frames name none) by the
 * timestamps ACS put on them. Recorded from the connection's thread, read from any.
 */
public final class MediaStreamStats {

  private static final String MIXED = "";

  private final Map<String, Instant> lastByParticipant = new HashMap<>();
  private final Set<String> participants = new LinkedHashSet<>();
  private long frames;
  private long bytes;
  private long silentFrames;
  private long dtmfTones;
  private Duration longestGap = Duration.ZERO;
  private @Nullable Instant first;
  private @Nullable Instant last;

  /** A consistent copy of the counts at one moment. */
  public record Snapshot(
      long frames,
      long bytes,
      long silentFrames,
      long dtmfTones,
      Set<String> participants,
      Duration longestGap,
      @Nullable Instant first,
      @Nullable Instant last) {

    public Snapshot {
      participants = Set.copyOf(participants);
    }
  }

  /** Counts one audio frame. */
  public synchronized void record(AudioData frame) {
    frames++;
    bytes += frame.pcm().length;
    if (frame.silent()) {
      silentFrames++;
    }
    String participant = frame.participantRawId() == null ? MIXED : frame.participantRawId();
    if (!participant.equals(MIXED)) {
      participants.add(participant);
    }
    Instant at = frame.timestamp();
    Instant previous = lastByParticipant.put(participant, at);
    if (previous != null) {
      Duration gap = Duration.between(previous, at);
      if (gap.compareTo(longestGap) > 0) {
        longestGap = gap;
      }
    }
    if (first == null || at.isBefore(first)) {
      first = at;
    }
    if (last == null || at.isAfter(last)) {
      last = at;
    }
  }

  /** Counts one DTMF tone. */
  public synchronized void recordDtmf() {
    dtmfTones++;
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(
        frames, bytes, silentFrames, dtmfTones, participants, longestGap, first, last);
  }
}
