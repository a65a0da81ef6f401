package io.tandem.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.dtmf.DtmfSender;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.rtp.SerialNumbers;
import io.tandem.media.session.RecordingRtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Caller X talks to leg A, agent Y to leg B; the bridge joins A and B. Four real sessions on
 * 127.0.0.1, all ticked by one manual pacer.
 */
class RelayBridgeTest {

  private final ManualPacer pacer = new ManualPacer();
  private final RecordingRtpListener heardByCaller = new RecordingRtpListener();
  private final RecordingRtpListener heardByAgent = new RecordingRtpListener();
  private final RecordingRtpListener heardOnA = new RecordingRtpListener();
  private final List<RtpSession> sessions = new ArrayList<>();
  private RtpSession caller;
  private RtpSession legA;
  private RtpSession legB;
  private RtpSession agent;

  private RtpSession open(RtpSessionOptions options, RecordingRtpListener listener)
      throws IOException {
    RtpSession session = RtpSession.open(options, pacer, listener);
    sessions.add(session);
    return session;
  }

  private void openCall(RtpSessionOptions callerSide, RtpSessionOptions agentSide)
      throws IOException {
    caller = open(callerSide, heardByCaller);
    legA = open(callerSide, heardOnA);
    legB = open(agentSide, new RecordingRtpListener());
    agent = open(agentSide, heardByAgent);
    caller.connect(legA.localAddress());
    legA.connect(caller.localAddress());
    legB.connect(agent.localAddress());
    agent.connect(legB.localAddress());
  }

  @AfterEach
  void closeAll() {
    sessions.forEach(RtpSession::close);
  }

  private static ClipSource frames(int count, int level) {
    short[] samples = new short[count * FrameFormat.SAMPLES];
    Arrays.fill(samples, (short) level);
    return ClipSource.once(PcmAudio.narrowband(samples));
  }

  /** Plays {@code count} frames from {@code from}, one per tick, waiting for each to arrive. */
  private void talk(RtpSession from, RecordingRtpListener farEnd, int count) {
    int before = farEnd.packets().size();
    from.play(frames(count, 1000));
    for (int i = 1; i <= count; i++) {
      pacer.tick();
      farEnd.awaitPackets(before + i);
    }
  }

  private static void assertOneContinuousStream(List<RtpPacket> packets, long ssrc) {
    assertThat(packets).extracting(RtpPacket::ssrc).containsOnly(ssrc);
    for (int i = 1; i < packets.size(); i++) {
      RtpPacket previous = packets.get(i - 1);
      RtpPacket packet = packets.get(i);
      assertThat(SerialNumbers.sequenceDelta(previous.sequenceNumber(), packet.sequenceNumber()))
          .as("sequence step at %d", i)
          .isEqualTo(1);
      assertThat(SerialNumbers.timestampDelta(previous.timestamp(), packet.timestamp()))
          .as("timestamp step at %d", i)
          .isPositive();
    }
  }

  @Test
  void audioFlowsBothWays_asTheLegsOwnStreams() throws IOException {
    openCall(RtpSessionOptions.defaults(), RtpSessionOptions.defaults());
    RelayBridge.connect(legA, legB);

    talk(caller, heardByAgent, 20);
    talk(agent, heardByCaller, 20);

    List<RtpPacket> toAgent = heardByAgent.packets();
    assertThat(toAgent).hasSize(20);
    assertOneContinuousStream(toAgent, legB.ssrc());
    assertThat(toAgent.getFirst().marker()).isTrue();
    assertThat(
            SerialNumbers.timestampDelta(toAgent.get(0).timestamp(), toAgent.get(19).timestamp()))
        .isEqualTo(19 * 160L);
    assertOneContinuousStream(heardByCaller.packets(), legA.ssrc());
  }

  @Test
  void theAgentsStream_staysContinuousAcrossHoldAndReBridge() throws IOException {
    openCall(RtpSessionOptions.defaults(), RtpSessionOptions.defaults());
    RelayBridge first = RelayBridge.connect(legA, legB);
    talk(caller, heardByAgent, 10);

    first.close();
    legB.play(frames(5, 500)); // hold music from leg B itself
    for (int i = 1; i <= 5; i++) {
      pacer.tick();
      heardByAgent.awaitPackets(10 + i);
    }
    RelayBridge.connect(legA, legB);
    talk(caller, heardByAgent, 10);

    List<RtpPacket> toAgent = heardByAgent.packets();
    assertThat(toAgent).hasSize(25);
    assertOneContinuousStream(toAgent, legB.ssrc());
    assertThat(toAgent)
        .extracting(RtpPacket::marker)
        .containsExactly(
            true, false, false, false, false, false, false, false, false, false, true, false, false,
            false, false, true, false, false, false, false, false, false, false, false, false);
  }

  @Test
  void digitsPassThrough_detectedOnceAtTheFarEnd_andStillSeenOnTheLeg() throws IOException {
    openCall(RtpSessionOptions.defaults(), RtpSessionOptions.defaults());
    RelayBridge.connect(legA, legB);

    caller.sendDigit(DtmfDigit.NINE);
    for (int i = 1; i <= 7; i++) {
      pacer.tick();
      heardByAgent.awaitPackets(i);
    }

    assertThat(heardByAgent.digits()).containsExactly(DtmfDigit.NINE);
    assertThat(heardOnA.digits()).containsExactly(DtmfDigit.NINE);
    assertThat(heardByAgent.packets())
        .extracting(RtpPacket::timestamp)
        .containsOnly(heardByAgent.packets().getFirst().timestamp());
  }

  @Test
  void differentLawsAndEventTypes_areTranslated() throws IOException {
    RtpSessionOptions pstn = RtpSessionOptions.defaults().withCodec(G711.PCMA);
    RtpSessionOptions teams =
        RtpSessionOptions.defaults()
            .withCodec(G711.PCMU)
            .withDtmf(DtmfSender.DEFAULT.withPayloadType(96));
    openCall(pstn, teams);
    RelayBridge.connect(legA, legB);

    talk(caller, heardByAgent, 1);
    caller.sendDigit(DtmfDigit.STAR);
    for (int i = 2; i <= 8; i++) {
      pacer.tick();
      heardByAgent.awaitPackets(i);
    }

    List<RtpPacket> toAgent = heardByAgent.packets();
    assertThat(toAgent.getFirst().payloadType()).isEqualTo(0);
    assertThat((int) G711.PCMU.decode(toAgent.getFirst().payload()[0])).isBetween(950, 1050);
    assertThat(toAgent.subList(1, 8)).extracting(RtpPacket::payloadType).containsOnly(96);
    assertThat(heardByAgent.digits()).containsExactly(DtmfDigit.STAR);
  }

  @Test
  void bridging_stopsTheLegsOwnAudio_andClosingRestoresTheirListeners() throws IOException {
    openCall(RtpSessionOptions.defaults(), RtpSessionOptions.defaults());
    legA.play(frames(100, 10));
    RecordingRtpListener original = (RecordingRtpListener) legA.listener();

    RelayBridge bridge = RelayBridge.connect(legA, legB);
    assertThat(legA.playing()).isNull();
    bridge.close();

    assertThat(legA.listener()).isSameAs(original);
  }

  @Test
  void aSessionCannotBeBridgedToItself() throws IOException {
    openCall(RtpSessionOptions.defaults(), RtpSessionOptions.defaults());

    assertThatThrownBy(() -> RelayBridge.connect(legA, legA))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
