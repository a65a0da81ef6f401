package io.tandem.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.Goertzel;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.bridge.RelayBridge;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.session.RecordingRtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import io.tandem.media.wav.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A caller (500 Hz) on leg A and an agent (1000 Hz) on leg B, bridged and recorded. */
class CallRecorderTest {

  private static final int TICKS = 50;

  @TempDir Path directory;

  private final ManualPacer pacer = new ManualPacer();
  private final List<RtpSession> sessions = new ArrayList<>();
  private final RecordingRtpListener heardOnA = new RecordingRtpListener();
  private final RecordingRtpListener heardOnB = new RecordingRtpListener();

  @AfterEach
  void closeAll() {
    sessions.forEach(RtpSession::close);
  }

  private RtpSession open(RecordingRtpListener listener) throws IOException {
    RtpSession session = RtpSession.open(RtpSessionOptions.defaults(), pacer, listener);
    sessions.add(session);
    return session;
  }

  private static double power(short[] samples, double hz) {
    short[] middle = Arrays.copyOfRange(samples, samples.length / 2, samples.length / 2 + 160);
    return Goertzel.power(middle, hz, FrameFormat.SAMPLE_RATE);
  }

  @Test
  void eachLegAndTheMix_areValidWavFilesOfTheCall() throws IOException {
    RtpSession caller = open(new RecordingRtpListener());
    RtpSession legA = open(heardOnA);
    RtpSession legB = open(heardOnB);
    RtpSession agent = open(new RecordingRtpListener());
    caller.connect(legA.localAddress());
    legA.connect(caller.localAddress());
    agent.connect(legB.localAddress());
    legB.connect(agent.localAddress());
    caller.play(ToneSource.steady(500, 4000));
    agent.play(ToneSource.steady(1000, 4000));
    CallRecorder recorder = CallRecorder.start(pacer, directory, "call-42", List.of(legA, legB));
    RelayBridge.connect(legA, legB);

    for (int t = 1; t <= TICKS; t++) {
      pacer.tick();
      heardOnA.awaitPackets(t);
      heardOnB.awaitPackets(t);
    }
    recorder.close();

    assertThat(recorder.legFiles())
        .extracting(path -> path.getFileName().toString())
        .containsExactly("call-42-leg1.wav", "call-42-leg2.wav");
    PcmAudio callerSide = WavReader.read(recorder.legFiles().get(0));
    PcmAudio agentSide = WavReader.read(recorder.legFiles().get(1));
    PcmAudio mixed = WavReader.read(recorder.mixedFile());
    for (PcmAudio recording : List.of(callerSide, agentSide, mixed)) {
      assertThat(recording.sampleRate()).isEqualTo(8000);
      assertThat(recording.samples()).hasSize(TICKS * FrameFormat.SAMPLES);
    }
    double toneLevel = 4000.0 * 4000 / 2;
    assertThat(power(callerSide.samples(), 500)).isGreaterThan(toneLevel / 2);
    assertThat(power(callerSide.samples(), 1000)).isLessThan(toneLevel / 1000);
    assertThat(power(agentSide.samples(), 1000)).isGreaterThan(toneLevel / 2);
    assertThat(power(mixed.samples(), 500)).isGreaterThan(toneLevel / 2);
    assertThat(power(mixed.samples(), 1000)).isGreaterThan(toneLevel / 2);
    assertThat(FrameFormat.meanPower(mixed.samples()))
        .isGreaterThan(FrameFormat.meanPower(callerSide.samples()));
  }

  @Test
  void closingStraightAway_leavesValidEmptyFiles() throws IOException {
    RtpSession leg = open(heardOnA);
    CallRecorder recorder = CallRecorder.start(pacer, directory, "empty", List.of(leg));

    recorder.close();

    assertThat(WavReader.read(recorder.legFiles().getFirst()).samples()).isEmpty();
    assertThat(WavReader.read(recorder.mixedFile()).samples()).isEmpty();
    assertThat(pacer.scheduledTasks()).isZero(); // an idle session is not ticked either
  }
}
