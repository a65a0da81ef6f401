package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every cell of every state table in the package: for each pair (from, to) the move is legal
 * exactly when the table written here says so, and a state is final exactly when nothing leaves it.
 */
class StateTablesTest {

  @Test
  void inboundCall_everyCell() {
    walk(
        InboundCallState.class,
        Map.of(
            InboundCallState.TRYING,
                Set.of(
                    InboundCallState.RINGING, InboundCallState.ANSWERED, InboundCallState.FAILED),
            InboundCallState.RINGING, Set.of(InboundCallState.ANSWERED, InboundCallState.FAILED),
            InboundCallState.ANSWERED, Set.of(InboundCallState.CONNECTED, InboundCallState.ENDED),
            InboundCallState.CONNECTED, Set.of(InboundCallState.ENDED),
            InboundCallState.FAILED, Set.of(),
            InboundCallState.ENDED, Set.of()),
        InboundCallState::canMoveTo,
        InboundCallState::isFinal);
    assertThat(
            EnumSet.allOf(InboundCallState.class).stream().filter(InboundCallState::isEstablished))
        .containsExactlyInAnyOrder(InboundCallState.ANSWERED, InboundCallState.CONNECTED);
  }

  @Test
  void transfer_everyCell() {
    walk(
        TransferState.class,
        Map.of(
            TransferState.REFER_SENT,
                Set.of(TransferState.ACCEPTED, TransferState.COMPLETED, TransferState.FAILED),
            TransferState.ACCEPTED, Set.of(TransferState.COMPLETED, TransferState.FAILED),
            TransferState.TARGET_RINGING, Set.of(TransferState.REINVITING, TransferState.FAILED),
            TransferState.REINVITING, Set.of(TransferState.COMPLETED, TransferState.FAILED),
            TransferState.COMPLETED, Set.of(),
            TransferState.FAILED, Set.of()),
        TransferState::canMoveTo,
        TransferState::isFinal);
    assertThat(EnumSet.allOf(TransferState.class).stream().filter(TransferState::awaitsNotify))
        .containsExactlyInAnyOrder(TransferState.REFER_SENT, TransferState.ACCEPTED);
  }

  @Test
  void outboundCall_everyCell() {
    walk(
        OutboundCallState.class,
        Map.of(
            OutboundCallState.CALLING,
                Set.of(
                    OutboundCallState.RINGING,
                    OutboundCallState.CONNECTED,
                    OutboundCallState.FAILED,
                    OutboundCallState.CANCELLED),
            OutboundCallState.RINGING,
                Set.of(
                    OutboundCallState.CALLING,
                    OutboundCallState.CONNECTED,
                    OutboundCallState.FAILED,
                    OutboundCallState.CANCELLED),
            OutboundCallState.CONNECTED, Set.of(OutboundCallState.ENDED),
            OutboundCallState.FAILED, Set.of(),
            OutboundCallState.CANCELLED, Set.of(),
            OutboundCallState.ENDED, Set.of()),
        OutboundCallState::canMoveTo,
        OutboundCallState::isFinal);
  }

  static <S extends Enum<S>> void walk(
      Class<S> type, Map<S, Set<S>> legal, BiPredicate<S, S> canMove, Predicate<S> isFinal) {
    assertThat(legal.keySet())
        .as("every state has a row")
        .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(type));
    for (S from : EnumSet.allOf(type)) {
      for (S to : EnumSet.allOf(type)) {
        assertThat(canMove.test(from, to))
            .as("%s → %s", from, to)
            .isEqualTo(legal.get(from).contains(to));
      }
      assertThat(isFinal.test(from)).as("%s is final", from).isEqualTo(legal.get(from).isEmpty());
    }
  }
}
