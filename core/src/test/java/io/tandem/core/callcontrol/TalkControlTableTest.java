package io.tandem.core.callcontrol;

import static io.tandem.core.callcontrol.TalkState.CONFERENCED;
import static io.tandem.core.callcontrol.TalkState.CONSULTING;
import static io.tandem.core.callcontrol.TalkState.CONSULT_RINGING;
import static io.tandem.core.callcontrol.TalkState.DONE;
import static io.tandem.core.callcontrol.TalkState.HOLDING;
import static io.tandem.core.callcontrol.TalkState.TALKING;
import static io.tandem.core.callcontrol.TalkState.TRANSFERRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every agent action in every talk state: where it is allowed, the state it leads to and the
 * outcome recorded in the tenant; everywhere else its refusal, with nothing asked of the wire and
 * nothing recorded.
 */
class TalkControlTableTest {

  /** An action, the states it is allowed in, where it leads, and what the tenant records. */
  private record Cell(
      String name,
      CallAction action,
      Set<TalkState> allowedIn,
      TalkState next,
      List<String> events) {}

  private static final List<Cell> CELLS =
      List.of(
          new Cell("hold", new CallAction.Hold(), EnumSet.of(TALKING), HOLDING, List.of("Held")),
          new Cell(
              "resume",
              new CallAction.Resume(),
              EnumSet.of(HOLDING, CONSULT_RINGING, CONSULTING, CONFERENCED),
              TALKING,
              List.of("Resumed")),
          new Cell(
              "consult",
              new CallAction.Consult(TalkRig.TOM),
              EnumSet.of(TALKING, HOLDING),
              CONSULT_RINGING,
              List.of("ConsultStarted")),
          new Cell(
              "conference",
              new CallAction.Conference(),
              EnumSet.of(CONSULTING),
              CONFERENCED,
              List.of("Conferenced")),
          new Cell(
              "transfer",
              new CallAction.Transfer(TalkRig.TOM),
              EnumSet.of(TALKING, HOLDING),
              TRANSFERRING,
              List.of("TransferStarted")),
          new Cell(
              "transfer to a queue",
              new CallAction.Transfer(new CallTarget.Queue(TalkRig.BILLING)),
              EnumSet.of(TALKING, HOLDING),
              DONE,
              List.of("TransferStarted", "TransferredToQueue")),
          new Cell(
              "transfer to the consulted party",
              new CallAction.Transfer(null),
              EnumSet.of(CONSULTING, CONFERENCED),
              DONE,
              List.of("TransferStarted", "Disconnected")),
          new Cell(
              "hang-up",
              new CallAction.HangUp(),
              EnumSet.of(TALKING, HOLDING, CONSULT_RINGING, CONSULTING, CONFERENCED),
              DONE,
              List.of("Disconnected")));

  static Stream<Arguments> everyActionInEveryState() {
    List<Arguments> cases = new ArrayList<>();
    for (Cell cell : CELLS) {
      for (TalkState state : TalkState.values()) {
        cases.add(Arguments.of(cell.name(), state, cell));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} while {1}")
  @MethodSource("everyActionInEveryState")
  void action_isCarriedOutExactlyWhereAllowed(String name, TalkState state, Cell cell) {
    TalkRig rig = new TalkRig().in(state);

    if (cell.allowedIn().contains(state)) {
      rig.talk.request(cell.action());

      assertThat(rig.talk.state()).isEqualTo(cell.next());
      assertThat(rig.recorded()).isEqualTo(cell.events());
      assertThat(rig.wire.operations).isNotEmpty();
    } else {
      String message =
          cell.action() instanceof CallAction.Transfer transfer && transfer.target() == null
              ? "a transfer without a target hands the caller to the consulted party; nobody is"
                  + " consulted now"
              : name
                  + " is not possible while the call is "
                  + state.name().toLowerCase(Locale.ROOT);
      assertThatThrownBy(() -> rig.talk.request(cell.action()))
          .isInstanceOfSatisfying(
              CallActionRefused.class,
              refused -> assertThat(refused.reason()).isEqualTo(CallActionRefused.Reason.NOT_NOW))
          .hasMessage(message);

      assertThat(rig.talk.state()).isEqualTo(state);
      assertThat(rig.recorded()).isEmpty();
      assertThat(rig.wire.operations).isEmpty();
    }
  }

  /** The wire work each allowed action asks for, from the state it is most often asked in. */
  static Stream<Arguments> wireWork() {
    return Stream.of(
        Arguments.of(TALKING, new CallAction.Hold(), List.of("holdCaller true")),
        Arguments.of(HOLDING, new CallAction.Resume(), List.of("holdCaller false")),
        Arguments.of(
            CONSULT_RINGING,
            new CallAction.Resume(),
            List.of("dropThirdParty ringing", "holdCaller false")),
        Arguments.of(
            CONSULTING,
            new CallAction.Resume(),
            List.of("dropThirdParty answered", "holdCaller false")),
        Arguments.of(
            HOLDING,
            new CallAction.Consult(TalkRig.TOM),
            List.of("callThirdParty +4930123456 CONSULT")),
        Arguments.of(CONSULTING, new CallAction.Conference(), List.of("joinAll")),
        Arguments.of(
            TALKING,
            new CallAction.Transfer(TalkRig.TOM),
            List.of("callThirdParty +4930123456 TRANSFER")),
        Arguments.of(
            HOLDING,
            new CallAction.Transfer(new CallTarget.Queue(TalkRig.BILLING)),
            List.of("sendToQueue billing")),
        Arguments.of(
            CONFERENCED,
            new CallAction.Transfer(null),
            List.of("handOver asked", "passedOn asked")),
        Arguments.of(CONSULT_RINGING, new CallAction.HangUp(), List.of("hangUp")));
  }

  @ParameterizedTest(name = "{1} while {0}")
  @MethodSource("wireWork")
  void action_asksTheWireForItsWorkInOrder(
      TalkState state, CallAction action, List<String> operations) {
    TalkRig rig = new TalkRig().in(state);

    rig.talk.request(action);

    assertThat(rig.wire.operations).isEqualTo(operations);
  }
}
