package io.tandem.sip.b2bua;

import static io.tandem.sip.b2bua.TalkState.CONFERENCED;
import static io.tandem.sip.b2bua.TalkState.CONSULTING;
import static io.tandem.sip.b2bua.TalkState.CONSULT_RINGING;
import static io.tandem.sip.b2bua.TalkState.DONE;
import static io.tandem.sip.b2bua.TalkState.HOLDING;
import static io.tandem.sip.b2bua.TalkState.TALKING;
import static io.tandem.sip.b2bua.TalkState.TRANSFERRING;
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
}
