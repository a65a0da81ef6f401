package io.tandem.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentStateTest {

  /** The legal moves, written out independently of the enum's table. */
  private static final Set<String> LEGAL =
      Set.of(
          "OFFLINE>READY",
          "OFFLINE>NOT_READY",
          "READY>RESERVED",
          "READY>NOT_READY",
          "READY>OFFLINE",
          "RESERVED>BUSY",
          "RESERVED>READY",
          "RESERVED>NOT_READY",
          "RESERVED>OFFLINE",
          "BUSY>WRAP_UP",
          "BUSY>READY",
          "BUSY>NOT_READY",
          "WRAP_UP>READY",
          "WRAP_UP>NOT_READY",
          "WRAP_UP>OFFLINE",
          "NOT_READY>READY",
          "NOT_READY>NOT_READY",
          "NOT_READY>OFFLINE");

  @Test
  void everyCellOfTheTable_matchesTheDocumentedMoves() {
    int cells = 0;
    for (AgentState from : AgentState.values()) {
      for (AgentState to : AgentState.values()) {
        assertThat(from.canMoveTo(to))
            .as("%s -> %s", from, to)
            .isEqualTo(LEGAL.contains(from + ">" + to));
        cells++;
      }
    }
    assertThat(cells).isEqualTo(36);
  }

  @Test
  void busyAgent_cannotLogOutOrBeReservedAgain() {
    assertThat(AgentState.BUSY.canMoveTo(AgentState.OFFLINE)).isFalse();
    assertThat(AgentState.BUSY.canMoveTo(AgentState.RESERVED)).isFalse();
  }

  @Test
  void onlyOffline_isLoggedOut() {
    for (AgentState state : AgentState.values()) {
      assertThat(state.isLoggedIn()).isEqualTo(state != AgentState.OFFLINE);
    }
  }
}
