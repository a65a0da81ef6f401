package io.tandem.acs.streams;

import io.tandem.acs.streams.Reception.Accepted;
import io.tandem.acs.streams.Reception.Refusal;
import io.tandem.acs.streams.StreamFrame.AudioData;
import io.tandem.acs.streams.StreamFrame.AudioMetadata;
import io.tandem.acs.streams.StreamFrame.DtmfData;
import org.jspecify.annotations.Nullable;

/**
 * One media-streaming socket: {@code AudioMetadata} first, then {@code AudioData} and {@code
 * DtmfData}, counted in a {@link MediaStreamStats} and handed to a {@link MediaSink}.
 */
public final class MediaSession implements StreamSession {

  private final String callConnectionId;
  private final MediaSink sink;
  private final MediaStreamStats stats = new MediaStreamStats();
  private final SessionGate gate;

  /** {@code maxRefused}: refused frames after which {@link Reception.Refused#limitReached()}. */
  public MediaSession(String callConnectionId, MediaSink sink, int maxRefused) {
    this.callConnectionId = callConnectionId;
    this.sink = sink;
    this.gate = new SessionGate(maxRefused);
  }

  @Override
  public String callConnectionId() {
    return callConnectionId;
  }

  /** This connection's counts, readable from any thread. */
  public MediaStreamStats stats() {
    return stats;
  }

  @Override
  public Reception receive(String text) {
    StreamFrame frame;
    try {
      frame = StreamFrames.parse(text);
    } catch (IllegalArgumentException malformed) {
      return gate.refuse(Refusal.MALFORMED, malformed.getMessage());
    }
    if (frame instanceof AudioMetadata metadata) {
      @Nullable Refusal refusal = gate.metadata();
      if (refusal != null) {
        return gate.refuse(refusal, frame.kind());
      }
      sink.opened(callConnectionId, metadata);
      return new Accepted(frame);
    }
    if (!(frame instanceof AudioData) && !(frame instanceof DtmfData)) {
      return gate.refuse(Refusal.WRONG_KIND, frame.kind() + " on a media socket");
    }
    @Nullable Refusal refusal = gate.data();
    if (refusal != null) {
      return gate.refuse(refusal, frame.kind());
    }
    if (frame instanceof AudioData audio) {
      stats.record(audio);
      sink.audio(callConnectionId, audio);
    } else if (frame instanceof DtmfData dtmf) {
      stats.recordDtmf();
      sink.dtmf(callConnectionId, dtmf.data());
    }
    return new Accepted(frame);
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
