package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every cell of the call-connection and incoming-call tables of legal moves. */
class StateMachinesTest {

  @Test
  void callConnectionState_allowsExactlyTheDocumentedMoves() {
    Map<CallConnectionState, Set<CallConnectionState>> legal =
        Map.of(
            CallConnectionState.CONNECTING,
            EnumSet.of(
                CallConnectionState.CONNECTED,
                CallConnectionState.DISCONNECTING,
                CallConnectionState.DISCONNECTED),
            CallConnectionState.CONNECTED,
            EnumSet.of(
                CallConnectionState.TRANSFERRING,
                CallConnectionState.DISCONNECTING,
                CallConnectionState.DISCONNECTED),
            CallConnectionState.TRANSFERRING,
            EnumSet.of(
                CallConnectionState.CONNECTED,
                CallConnectionState.TRANSFER_ACCEPTED,
                CallConnectionState.DISCONNECTING,
                CallConnectionState.DISCONNECTED),
            CallConnectionState.TRANSFER_ACCEPTED,
            EnumSet.of(CallConnectionState.DISCONNECTED),
            CallConnectionState.DISCONNECTING,
            EnumSet.of(CallConnectionState.DISCONNECTED),
            CallConnectionState.DISCONNECTED,
            EnumSet.noneOf(CallConnectionState.class));
    for (CallConnectionState from : CallConnectionState.values()) {
      for (CallConnectionState to : CallConnectionState.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " -> " + to)
            .isEqualTo(legal.get(from).contains(to));
      }
    }
    assertThat(CallConnectionState.TRANSFER_ACCEPTED.wireName()).isEqualTo("transferAccepted");
  }

  @Test
  void incomingCallState_leavesRingingOnce() {
    for (IncomingCallState from : IncomingCallState.values()) {
      for (IncomingCallState to : IncomingCallState.values()) {
        boolean expected = from == IncomingCallState.RINGING && to != IncomingCallState.RINGING;
        assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(expected);
      }
    }
  }

  @Test
  void tones_mapBothWays() {
    assertThat(Tones.name('#')).isEqualTo("pound");
    assertThat(Tones.name('*')).isEqualTo("asterisk");
    assertThat(Tones.name('b')).isEqualTo("b");
    for (String name : Tones.NAMES) {
      assertThat(Tones.name(Tones.digit(name).charAt(0))).isEqualTo(name);
    }
  }

  @Test
  void wavDuration_comesFromTheHeader() {
    byte[] wav = new byte[44 + 32000];
    java.nio.ByteBuffer header =
        java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes()).putInt(36 + 32000).put("WAVE".getBytes());
    header
        .put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(16000)
        .putInt(32000)
        .putShort((short) 2)
        .putShort((short) 16);
    header.put("data".getBytes()).putInt(32000);
    assertThat(PlaySourceFetcher.wavDuration(wav)).isEqualTo(java.time.Duration.ofSeconds(1));
    assertThat(PlaySourceFetcher.wavDuration("not audio".getBytes())).isNull();
  }
}
