package io.tandem.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.Goertzel;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.audio.ToneSource;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.session.RecordingRtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import io.tandem.media.wav.WavReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caller sending a 500 Hz "voice" to the leg Tandem records, over real RTP on loopback, ticked by
 * hand: each way a message ends, and what it holds.
 */
class MessageRecorderTest {

  private static final Duration SILENCE = Duration.ofMillis(600);

  private final ManualPacer pacer = new ManualPacer();
  private final List<RtpSession> sessions = new ArrayList<>();
  private final RecordingRtpListener heard = new RecordingRtpListener();
  private final AtomicReference<MessageRecorder.Message> message = new AtomicReference<>();
  private RtpSession caller;
  private RtpSession leg;
  private int ticks;

  @BeforeEach
  void connect() throws IOException {
    caller = open(new RecordingRtpListener());
    leg = open(heard);
    caller.connect(leg.localAddress());
    leg.connect(caller.localAddress());
  }

  @AfterEach
  void closeAll() {
    sessions.forEach(RtpSession::close);
  }

  @Test
  void callerSpeaksThenFallsSilent_endsOnSilence_cutWhereTheySpokeLast() throws Exception {
    MessageRecorder.start(leg, pacer, Duration.ofSeconds(10), SILENCE, message::set);
    caller.play(ToneSource.steady(500, 4000));
    tick(50);
    caller.play(null);
    tickUntilDone(200);

    assertThat(message.get().ending()).isEqualTo(MessageRecorder.Ending.SILENCE);
    // One second of voice, plus the detector's 200 ms hangover and the jitter buffer's delay.
    assertThat(message.get().length()).isBetween(Duration.ofMillis(900), Duration.ofMillis(1400));
    PcmAudio audio = audio();
    assertThat(audio.sampleRate()).isEqualTo(8000);
    assertThat(audio.duration()).isEqualTo(message.get().length());
    assertThat(Goertzel.power(middle(audio), 500, 8000)).isGreaterThan(4000.0 * 4000 / 4);
  }

  @Test
  void hashKey_endsTheMessageAtOnce() throws Exception {
    MessageRecorder.start(leg, pacer, Duration.ofSeconds(10), SILENCE, message::set);
    caller.play(ToneSource.steady(500, 4000));
    tick(25);
    caller.sendDigit(DtmfDigit.ofSymbol('#'));
    tickUntilDone(30);

    assertThat(message.get().ending()).isEqualTo(MessageRecorder.Ending.KEY);
    assertThat(message.get().length()).isBetween(Duration.ofMillis(300), Duration.ofMillis(700));
  }

  @Test
  void maximumLength_endsAMessageThatGoesOn() throws Exception {
    MessageRecorder.start(leg, pacer, Duration.ofMillis(400), SILENCE, message::set);
    caller.play(ToneSource.steady(500, 4000));
    tickUntilDone(40);

    assertThat(message.get().ending()).isEqualTo(MessageRecorder.Ending.MAX_LENGTH);
    assertThat(ticks).isEqualTo(400 / FrameFormat.MILLIS);
    assertThat(message.get().length()).isLessThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void stop_keepsWhatWasRecorded() throws Exception {
    caller.play(ToneSource.steady(500, 4000));
    int othersTicked = pacer.scheduledTasks();
    MessageRecorder recorder =
        MessageRecorder.start(leg, pacer, Duration.ofSeconds(10), SILENCE, message::set);
    tick(25);

    recorder.stop();
    tickUntilDone(2);

    assertThat(message.get().ending()).isEqualTo(MessageRecorder.Ending.STOPPED);
    assertThat(message.get().length()).isBetween(Duration.ofMillis(300), Duration.ofMillis(520));
    assertThat(pacer.scheduledTasks()).as("the recorder ticks no more").isEqualTo(othersTicked);
  }

  @Test
  void aCallerWhoSaysNothing_leavesAnEmptyMessage() throws Exception {
    MessageRecorder.start(leg, pacer, Duration.ofSeconds(10), SILENCE, message::set);
    caller.play(null);
    tickUntilDone(60);

    assertThat(message.get().ending()).isEqualTo(MessageRecorder.Ending.SILENCE);
    assertThat(message.get().length()).isZero();
    assertThat(audio().samples()).isEmpty();
  }

  private RtpSession open(RecordingRtpListener listener) throws IOException {
    RtpSession session = RtpSession.open(RtpSessionOptions.defaults(), pacer, listener);
    sessions.add(session);
    return session;
  }

  /** Ticks {@code count} times, each once the packet it sent has arrived. */
  private void tick(int count) throws InterruptedException {
    for (int i = 0; i < count && message.get() == null; i++) {
      long before = heard.packets().size();
      pacer.tick();
      ticks++;
      if (caller.playing() != null) {
        heard.awaitPackets((int) before + 1);
      }
    }
  }

  private void tickUntilDone(int atMost) throws InterruptedException {
    tick(atMost);
    assertThat(message.get()).as("the message ended within " + atMost + " ticks").isNotNull();
  }

  private PcmAudio audio() throws IOException {
    return WavReader.read(message.get().wav());
  }

  private static short[] middle(PcmAudio audio) {
    int from = audio.samples().length / 2;
    return java.util.Arrays.copyOfRange(audio.samples(), from, from + FrameFormat.SAMPLES);
  }
}
