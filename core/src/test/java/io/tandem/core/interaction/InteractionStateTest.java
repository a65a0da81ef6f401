package io.tandem.core.interaction;

import static io.tandem.core.interaction.InteractionState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InteractionStateTest {

  /** The legal moves, written out independently of the enum's table. */
  private static final Map<InteractionState, Set<InteractionState>> LEGAL =
      Map.ofEntries(
          Map.entry(ARRIVING, EnumSet.of(IN_VIRTUAL_ASSISTANT, QUEUED, ENDED, ABANDONED, FAILED)),
          Map.entry(
              IN_VIRTUAL_ASSISTANT,
              EnumSet.of(QUEUED, ENDED, ABANDONED, CALLBACK_REQUESTED, VOICEMAIL, FAILED)),
          Map.entry(
              QUEUED, EnumSet.of(RESERVED, ABANDONED, OVERFLOWED, CALLBACK_REQUESTED, FAILED)),
          Map.entry(
              RESERVED,
              EnumSet.of(
                  CONNECTED, QUEUED, CALLBACK_REQUESTED, CALLBACK_DIALLING, ABANDONED, FAILED)),
          Map.entry(
              CONNECTED,
              EnumSet.of(ON_HOLD, CONSULTING, CONFERENCED, TRANSFERRING, WRAP_UP, ENDED, FAILED)),
          Map.entry(
              ON_HOLD, EnumSet.of(CONNECTED, CONSULTING, TRANSFERRING, WRAP_UP, ENDED, FAILED)),
          Map.entry(
              CONSULTING,
              EnumSet.of(CONNECTED, ON_HOLD, CONFERENCED, TRANSFERRING, WRAP_UP, ENDED, FAILED)),
          Map.entry(CONFERENCED, EnumSet.of(CONNECTED, TRANSFERRING, WRAP_UP, ENDED, FAILED)),
          Map.entry(TRANSFERRING, EnumSet.of(CONNECTED, QUEUED, WRAP_UP, ENDED, FAILED)),
          Map.entry(WRAP_UP, EnumSet.of(ENDED)),
          Map.entry(ENDED, EnumSet.noneOf(InteractionState.class)),
          Map.entry(ABANDONED, EnumSet.noneOf(InteractionState.class)),
          Map.entry(FAILED, EnumSet.noneOf(InteractionState.class)),
          Map.entry(OVERFLOWED, EnumSet.of(QUEUED, VOICEMAIL, CALLBACK_REQUESTED, ENDED, FAILED)),
          Map.entry(CALLBACK_REQUESTED, EnumSet.of(RESERVED, ENDED, FAILED)),
          Map.entry(CALLBACK_DIALLING, EnumSet.of(CONNECTED, CALLBACK_SCHEDULED, FAILED)),
          Map.entry(CALLBACK_SCHEDULED, EnumSet.of(CALLBACK_REQUESTED, ENDED, FAILED)),
          Map.entry(VOICEMAIL, EnumSet.of(ENDED, ABANDONED, FAILED)));

  @Test
  void everyCellOfTheTable_matchesTheDocumentedMoves() {
    assertThat(LEGAL.keySet()).containsExactlyInAnyOrder(InteractionState.values());
    int cells = 0;
    for (InteractionState from : InteractionState.values()) {
      for (InteractionState to : InteractionState.values()) {
        assertThat(from.canMoveTo(to))
            .as("%s -> %s", from, to)
            .isEqualTo(LEGAL.get(from).contains(to));
        cells++;
      }
    }
    assertThat(cells).isEqualTo(324);
  }

  @Test
  void terminalStates_areExactlyEndedAbandonedAndFailed() {
    assertThat(EnumSet.allOf(InteractionState.class).stream().filter(InteractionState::isTerminal))
        .containsExactlyInAnyOrder(ENDED, ABANDONED, FAILED);
  }

  @Test
  void everyNonTerminalState_canStillFail() {
    for (InteractionState state : InteractionState.values()) {
      if (!state.isTerminal() && state != WRAP_UP) {
        assertThat(state.canMoveTo(FAILED)).as(state.name()).isTrue();
      }
    }
  }

  @Test
  void waitingStates_areQueuedAndCallbackRequested() {
    assertThat(EnumSet.allOf(InteractionState.class).stream().filter(InteractionState::isWaiting))
        .containsExactlyInAnyOrder(QUEUED, CALLBACK_REQUESTED);
  }
}
