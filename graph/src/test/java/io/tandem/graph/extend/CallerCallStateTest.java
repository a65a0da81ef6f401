package io.tandem.graph.extend;

import static io.tandem.graph.extend.CallerCallState.ANSWERED;
import static io.tandem.graph.extend.CallerCallState.CONNECTING;
import static io.tandem.graph.extend.CallerCallState.ENDED;
import static io.tandem.graph.extend.CallerCallState.FORWARDING;
import static io.tandem.graph.extend.CallerCallState.HANDED_OVER;
import static io.tandem.graph.extend.CallerCallState.INCOMING;
import static io.tandem.graph.extend.CallerCallState.IN_FLOW;
import static io.tandem.graph.extend.CallerCallState.QUEUED;
import static io.tandem.graph.extend.CallerCallState.VOICEMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerCallStateTest {

  private static final Map<CallerCallState, Set<CallerCallState>> EXPECTED =
      Map.of(
          INCOMING, EnumSet.of(ANSWERED, ENDED),
          ANSWERED, EnumSet.of(IN_FLOW, ENDED),
          IN_FLOW, EnumSet.of(QUEUED, FORWARDING, VOICEMAIL, ENDED),
          QUEUED, EnumSet.of(CONNECTING, FORWARDING, VOICEMAIL, ENDED),
          VOICEMAIL, EnumSet.of(ENDED),
          FORWARDING, EnumSet.of(ENDED),
          CONNECTING, EnumSet.of(HANDED_OVER, QUEUED, ENDED),
          HANDED_OVER, EnumSet.of(ENDED),
          ENDED, EnumSet.noneOf(CallerCallState.class));

  @Test
  void everyCellOfTheTable_isAsDocumented() {
    for (CallerCallState from : CallerCallState.values()) {
      for (CallerCallState to : CallerCallState.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " → " + to)
            .isEqualTo(EXPECTED.get(from).contains(to));
      }
    }
  }
}
