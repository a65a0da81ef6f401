package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.CallState.ESTABLISHED;
import static io.tandem.emulator.graph.calls.CallState.ESTABLISHING;
import static io.tandem.emulator.graph.calls.CallState.HOLD;
import static io.tandem.emulator.graph.calls.CallState.INCOMING;
import static io.tandem.emulator.graph.calls.CallState.REDIRECTING;
import static io.tandem.emulator.graph.calls.CallState.TERMINATED;
import static io.tandem.emulator.graph.calls.CallState.TERMINATING;
import static io.tandem.emulator.graph.calls.CallState.TRANSFERRING;
import static io.tandem.emulator.graph.calls.CallState.TRANSFER_ACCEPTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every cell of the call's table of legal moves. */
class CallStateTest {

  private static final Map<CallState, Set<CallState>> EXPECTED =
      Map.of(
          INCOMING, EnumSet.of(ESTABLISHING, REDIRECTING, TERMINATED),
          ESTABLISHING, EnumSet.of(ESTABLISHED, TERMINATING, TERMINATED),
          ESTABLISHED, EnumSet.of(HOLD, TRANSFERRING, TERMINATING, TERMINATED),
          HOLD, EnumSet.of(ESTABLISHED, TERMINATING, TERMINATED),
          TRANSFERRING, EnumSet.of(TRANSFER_ACCEPTED, ESTABLISHED, TERMINATING, TERMINATED),
          TRANSFER_ACCEPTED, EnumSet.of(TERMINATED),
          REDIRECTING, EnumSet.of(TERMINATED),
          TERMINATING, EnumSet.of(TERMINATED),
          TERMINATED, EnumSet.noneOf(CallState.class));

  @Test
  void everyCell_isLegalExactlyWhenTheTableSaysSo() {
    for (CallState from : CallState.values()) {
      for (CallState to : CallState.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " -> " + to)
            .isEqualTo(EXPECTED.get(from).contains(to));
      }
    }
  }

  @Test
  void wireNames_areTheCsdlsCallStateValues() {
    assertThat(EnumSet.allOf(CallState.class).stream().map(CallState::wire))
        .containsExactly(
            "incoming",
            "establishing",
            "established",
            "hold",
            "transferring",
            "transferAccepted",
            "redirecting",
            "terminating",
            "terminated");
    assertThat(TERMINATED.isFinal()).isTrue();
  }

  @Test
  void illegalMove_isRefusedWithTheStateInTheMessage() {
    GraphCall call =
        new GraphCall("c1", "t", "a", true, null, "chain", "me", java.time.Instant.EPOCH, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> call.move(TRANSFERRING))
        .isInstanceOf(IllegalCallStateException.class)
        .hasMessageContaining("incoming");
  }
}
