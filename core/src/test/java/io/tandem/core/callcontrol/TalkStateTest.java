package io.tandem.core.callcontrol;

import static io.tandem.core.callcontrol.TalkState.CONFERENCED;
import static io.tandem.core.callcontrol.TalkState.CONSULTING;
import static io.tandem.core.callcontrol.TalkState.CONSULT_RINGING;
import static io.tandem.core.callcontrol.TalkState.DONE;
import static io.tandem.core.callcontrol.TalkState.HOLDING;
import static io.tandem.core.callcontrol.TalkState.TALKING;
import static io.tandem.core.callcontrol.TalkState.TRANSFERRING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every cell of the talk's table of moves: the legal ones, and every other one refused. */
class TalkStateTest {

  private static final Map<TalkState, Set<TalkState>> LEGAL =
      Map.of(
          TALKING, EnumSet.of(HOLDING, CONSULT_RINGING, TRANSFERRING, DONE),
          HOLDING, EnumSet.of(TALKING, CONSULT_RINGING, TRANSFERRING, DONE),
          CONSULT_RINGING, EnumSet.of(CONSULTING, HOLDING, TALKING, DONE),
          CONSULTING, EnumSet.of(CONFERENCED, HOLDING, TALKING, DONE),
          CONFERENCED, EnumSet.of(TALKING, DONE),
          TRANSFERRING, EnumSet.of(TALKING, DONE),
          DONE, EnumSet.noneOf(TalkState.class));

  @Test
  void everyCell_isLegalExactlyWhenTheTableSaysSo() {
    for (TalkState from : TalkState.values()) {
      for (TalkState to : TalkState.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " → " + to)
            .isEqualTo(LEGAL.get(from).contains(to));
      }
    }
  }

  @Test
  void aRefusalNamesTheActionAndTheState_andAnIllegalMoveNamesTheCall() {
    CallActionRefused refused = CONSULT_RINGING.refusal("conference");
    assertThat(refused.reason()).isEqualTo(CallActionRefused.Reason.NOT_NOW);
    assertThat(refused).hasMessage("conference is not possible while the call is consult_ringing");
    assertThat(TALKING.moveTo(HOLDING, "call-1")).isEqualTo(HOLDING);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DONE.moveTo(TALKING, "call-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("call-1: talk DONE → TALKING");
  }
}
