package io.tandem.acs.streams;

import io.tandem.acs.streams.Reception.Accepted;
import io.tandem.acs.streams.Reception.Refusal;
import io.tandem.acs.streams.StreamFrame.TranscriptionData;
import io.tandem.acs.streams.StreamFrame.TranscriptionMetadata;
import org.jspecify.annotations.Nullable;

/**
 * One transcription socket: {@code TranscriptionMetadata} first (again after a locale update), then
 * {@code TranscriptionData} results, each handed to a {@link TranscriptSink}.
 */
public final class TranscriptionSession implements StreamSession {

  private final String callConnectionId;
  private final TranscriptSink sink;
  private final SessionGate gate;

  /** {@code maxRefused}: refused frames after which {@link Reception.Refused#limitReached()}. */
  public TranscriptionSession(String callConnectionId, TranscriptSink sink, int maxRefused) {
    this.callConnectionId = callConnectionId;
    this.sink = sink;
    this.gate = new SessionGate(maxRefused);
  }

  @Override
  public String callConnectionId() {
    return callConnectionId;
  }

  @Override
  public Reception receive(String text) {
    StreamFrame frame;
    try {
      frame = StreamFrames.parse(text);
    } catch (IllegalArgumentException malformed) {
      return gate.refuse(Refusal.MALFORMED, malformed.getMessage());
    }
    return switch (frame) {
      case TranscriptionMetadata metadata -> metadata(metadata);
      case TranscriptionData data -> data(data);
      default -> gate.refuse(Refusal.WRONG_KIND, frame.kind() + " on a transcription socket");
    };
  }

  private Reception metadata(TranscriptionMetadata metadata) {
    if (!metadata.callConnectionId().equals(callConnectionId)) {
      return gate.refuse(
          Refusal.OTHER_CALL,
          "transcriptionMetadata.callConnectionId: "
              + metadata.callConnectionId()
              + " is not the socket's "
              + callConnectionId);
    }
    @Nullable Refusal refusal = gate.metadata();
    if (refusal != null) {
      return gate.refuse(refusal, "TranscriptionMetadata");
    }
    sink.metadata(callConnectionId, metadata);
    return new Accepted(metadata);
  }

  private Reception data(TranscriptionData data) {
    @Nullable Refusal refusal = gate.data();
    if (refusal != null) {
      return gate.refuse(refusal, "TranscriptionData");
    }
    sink.segment(callConnectionId, data);
    return new Accepted(data);
  }

  @Override
  public Reception tooLarge(long chars) {
    return gate.refuse(Refusal.TOO_LARGE, "frame: " + chars + " characters");
  }

  @Override
  public void close() {
    if (gate.close()) {
      sink.closed(callConnectionId);
    }
  }
}
