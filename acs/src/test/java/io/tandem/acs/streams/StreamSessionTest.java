package io.tandem.acs.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.acs.streams.Reception.Accepted;
import io.tandem.acs.streams.Reception.Refusal;
import io.tandem.acs.streams.Reception.Refused;
import io.tandem.acs.streams.SessionGate.State;
import org.junit.jupiter.api.Test;

/** Transcription and media sessions: the order of frames, refusals, and the limit of them. */
class StreamSessionTest {

  private static final String CALL = "441f1200-ab12-4c3d-9e8f-7a6b5c4d3e2f";
  private final RecordingSinks sink = new RecordingSinks();

  @Test
  void transcription_metadataThenResults_reachTheSinkInOrder_andCloseOnce() {
    TranscriptionSession session = new TranscriptionSession(CALL, sink, 3);
    assertThat(session.receive(Fixtures.frame("transcription-metadata.json")))
        .isInstanceOf(Accepted.class);
    session.receive(Fixtures.frame("transcription-data-intermediate.json"));
    session.receive(Fixtures.frame("transcription-data-final.json"));
    session.close();
    session.close();
    assertThat(sink.calls)
        .containsExactly(
            "metadata " + CALL + " en-US",
            "segment " + CALL + " INTERMEDIATE I would like to",
            "segment " + CALL + " FINAL I would like to check my balance",
            "closed " + CALL);
  }

  @Test
  void transcription_resultBeforeMetadata_isRefused() {
    TranscriptionSession session = new TranscriptionSession(CALL, sink, 3);
    Reception early = session.receive(Fixtures.frame("transcription-data-final.json"));
    assertThat(early).isEqualTo(new Refused(Refusal.BEFORE_METADATA, "TranscriptionData", false));
    assertThat(sink.calls).isEmpty();
  }

  @Test
  void transcription_metadataOfAnotherCall_isRefused() {
    TranscriptionSession session = new TranscriptionSession("another-call", sink, 3);
    Reception other = session.receive(Fixtures.frame("transcription-metadata.json"));
    assertThat(((Refused) other).reason()).isEqualTo(Refusal.OTHER_CALL);
    assertThat(((Refused) other).detail())
        .startsWith("transcriptionMetadata.callConnectionId: " + CALL);
    assertThat(sink.calls).isEmpty();
  }

  @Test
  void transcription_audioFrames_areTheWrongKind() {
    TranscriptionSession session = new TranscriptionSession(CALL, sink, 3);
    session.receive(Fixtures.frame("transcription-metadata.json"));
    assertThat(session.receive(Fixtures.frame("audio-data-unmixed.json")))
        .isEqualTo(new Refused(Refusal.WRONG_KIND, "AudioData on a transcription socket", false));
  }

  @Test
  void refusedFrames_reachTheLimit_onTheNth_andGoodFramesBetweenStillPass() {
    TranscriptionSession session = new TranscriptionSession(CALL, sink, 3);
    session.receive(Fixtures.frame("transcription-metadata.json"));
    Refused first = (Refused) session.receive("{");
    assertThat(first.reason()).isEqualTo(Refusal.MALFORMED);
    assertThat(first.detail()).startsWith("frame: not JSON");
    assertThat(first.limitReached()).isFalse();
    assertThat(session.receive(Fixtures.frame("transcription-data-final.json")))
        .isInstanceOf(Accepted.class);
    assertThat(((Refused) session.receive("{\"kind\":\"Nope\"}")).limitReached()).isFalse();
    assertThat(((Refused) session.receive("null")).limitReached()).isTrue();
  }

  @Test
  void tooLargeFrames_countAsRefused() {
    MediaSession session = new MediaSession(CALL, sink, 2);
    assertThat(session.tooLarge(300_000))
        .isEqualTo(new Refused(Refusal.TOO_LARGE, "frame: 300000 characters", false));
    assertThat(((Refused) session.tooLarge(300_000)).limitReached()).isTrue();
    assertThat(sink.calls).isEmpty();
  }

  @Test
  void framesAfterClose_areRefused_andNeverReachTheSink() {
    TranscriptionSession session = new TranscriptionSession(CALL, sink, 5);
    session.receive(Fixtures.frame("transcription-metadata.json"));
    session.close();
    assertThat(
            ((Refused) session.receive(Fixtures.frame("transcription-data-final.json"))).reason())
        .isEqualTo(Refusal.CLOSED);
    assertThat(((Refused) session.receive(Fixtures.frame("transcription-metadata.json"))).reason())
        .isEqualTo(Refusal.CLOSED);
    assertThat(sink.calls).containsExactly("metadata " + CALL + " en-US", "closed " + CALL);
  }

  @Test
  void media_metadataAudioAndDtmf_reachTheSink_andAreCounted() {
    MediaSession session = new MediaSession(CALL, sink, 3);
    assertThat(session.receive(Fixtures.frame("dtmf-data.json")))
        .isEqualTo(new Refused(Refusal.BEFORE_METADATA, "DtmfData", false));
    session.receive(Fixtures.frame("audio-metadata.json"));
    session.receive(Fixtures.frame("audio-data-unmixed.json"));
    session.receive(Fixtures.frame("audio-data-silent-mixed.json"));
    session.receive(Fixtures.frame("dtmf-data.json"));
    assertThat(session.receive(Fixtures.frame("transcription-metadata.json")))
        .isEqualTo(
            new Refused(Refusal.WRONG_KIND, "TranscriptionMetadata on a media socket", false));
    session.close();
    assertThat(sink.calls)
        .containsExactly(
            "opened " + CALL + " 16000",
            "audio " + CALL + " 640",
            "audio " + CALL + " 640",
            "dtmf " + CALL + " 3",
            "closed " + CALL);
    MediaStreamStats.Snapshot stats = session.stats().snapshot();
    assertThat(stats.frames()).isEqualTo(2);
    assertThat(stats.silentFrames()).isEqualTo(1);
    assertThat(stats.dtmfTones()).isEqualTo(1);
    assertThat(stats.bytes()).isEqualTo(1280);
  }

  @Test
  void gate_walksEveryCellOfItsTable() {
    // AWAITING_METADATA
    SessionGate awaiting = new SessionGate(1);
    assertThat(awaiting.data()).isEqualTo(Refusal.BEFORE_METADATA);
    assertThat(awaiting.state()).isEqualTo(State.AWAITING_METADATA);
    assertThat(awaiting.metadata()).isNull();
    assertThat(awaiting.state()).isEqualTo(State.STREAMING);
    SessionGate closedEarly = new SessionGate(1);
    assertThat(closedEarly.close()).isTrue();
    assertThat(closedEarly.state()).isEqualTo(State.CLOSED);
    // STREAMING
    SessionGate streaming = new SessionGate(1);
    streaming.metadata();
    assertThat(streaming.data()).isNull();
    assertThat(streaming.metadata()).isNull();
    assertThat(streaming.state()).isEqualTo(State.STREAMING);
    assertThat(streaming.close()).isTrue();
    // CLOSED
    assertThat(streaming.metadata()).isEqualTo(Refusal.CLOSED);
    assertThat(streaming.data()).isEqualTo(Refusal.CLOSED);
    assertThat(streaming.close()).isFalse();
    assertThat(streaming.state()).isEqualTo(State.CLOSED);
  }
}
