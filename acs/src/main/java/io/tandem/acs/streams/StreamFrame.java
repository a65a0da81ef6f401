package io.tandem.acs.streams;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One JSON text frame that ACS sends on a transcription or media-streaming WebSocket, by its {@code
 * kind} (MICROSOFT-CONTRACTS §3.6). Offsets and durations are in ticks of 100 ns from the start of
 * the subscription.
 */
public sealed interface StreamFrame {

  /** The {@code kind} value this frame has on the wire. */
  String kind();

  /** The first frame of a transcription socket. */
  record TranscriptionMetadata(
      String subscriptionId, String locale, String callConnectionId, String correlationId)
      implements StreamFrame {
    @Override
    public String kind() {
      return "TranscriptionMetadata";
    }
  }

  /** A recognised phrase: {@link ResultStatus#INTERMEDIATE} while it is said, then FINAL. */
  record TranscriptionData(
      String text,
      String format,
      double confidence,
      long offsetTicks,
      long durationTicks,
      List<Word> words,
      @Nullable String participantRawId,
      ResultStatus status)
      implements StreamFrame {

    public TranscriptionData {
      words = List.copyOf(words);
    }

    @Override
    public String kind() {
      return "TranscriptionData";
    }
  }

  /** One word of a {@link TranscriptionData}, with its own offset and duration in ticks. */
  record Word(String text, long offsetTicks, long durationTicks) {}

  /** Whether a {@link TranscriptionData} may still change ({@code Intermediate}) or not. */
  enum ResultStatus {
    FINAL,
    INTERMEDIATE
  }

  /** The first frame of a media-streaming socket: the format of every {@link AudioData}. */
  record AudioMetadata(
      String subscriptionId, String encoding, int sampleRate, int channels, int length)
      implements StreamFrame {
    @Override
    public String kind() {
      return "AudioMetadata";
    }
  }

  /**
   * One packet of audio ({@code pcm}: 16-bit little-endian samples, 20 ms by default), of one
   * participant when the stream is unmixed ({@code participantRawId}), mixed otherwise.
   */
  record AudioData(Instant timestamp, @Nullable String participantRawId, byte[] pcm, boolean silent)
      implements StreamFrame {

    @Override
    public String kind() {
      return "AudioData";
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof AudioData that
          && timestamp.equals(that.timestamp)
          && Objects.equals(participantRawId, that.participantRawId)
          && Arrays.equals(pcm, that.pcm)
          && silent == that.silent;
    }

    @Override
    public int hashCode() {
      return Objects.hash(timestamp, participantRawId, Arrays.hashCode(pcm), silent);
    }

    @Override
    public String toString() {
      return "AudioData[timestamp="
          + timestamp
          + ", participantRawId="
          + participantRawId
          + ", pcm="
          + pcm.length
          + " bytes, silent="
          + silent
          + "]";
    }
  }

  /** A DTMF key the caller pressed ({@code 0-9}, {@code *}, {@code #}, {@code A-D}). */
  record DtmfData(String data) implements StreamFrame {
    @Override
    public String kind() {
      return "DtmfData";
    }
  }
}
