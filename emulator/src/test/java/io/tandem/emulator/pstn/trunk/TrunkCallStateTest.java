package io.tandem.emulator.pstn.trunk;

import static io.tandem.emulator.pstn.trunk.TrunkCallState.CALLING;
import static io.tandem.emulator.pstn.trunk.TrunkCallState.CANCELLING;
import static io.tandem.emulator.pstn.trunk.TrunkCallState.CONNECTED;
import static io.tandem.emulator.pstn.trunk.TrunkCallState.ENDED;
import static io.tandem.emulator.pstn.trunk.TrunkCallState.HANGING_UP;
import static io.tandem.emulator.pstn.trunk.TrunkCallState.RINGING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every cell of the trunk call's table of legal moves. */
class TrunkCallStateTest {

  private static final Map<TrunkCallState, Set<TrunkCallState>> EXPECTED =
      Map.of(
          CALLING, Set.of(RINGING, CANCELLING, CONNECTED, ENDED),
          RINGING, Set.of(CANCELLING, CONNECTED, ENDED),
          CANCELLING, Set.of(CONNECTED, ENDED),
          CONNECTED, Set.of(HANGING_UP, ENDED),
          HANGING_UP, Set.of(ENDED),
          ENDED, Set.of());

  @Test
  void everyCell() {
    for (TrunkCallState from : TrunkCallState.values()) {
      for (TrunkCallState to : TrunkCallState.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " → " + to)
            .isEqualTo(EXPECTED.get(from).contains(to));
      }
      assertThat(from.isFinal()).as(from + " is final").isEqualTo(from == ENDED);
    }
  }
}
