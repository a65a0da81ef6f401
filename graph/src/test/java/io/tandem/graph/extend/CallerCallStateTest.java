package io.tandem.graph.extend;

import static io.tandem.graph.extend.CallerCallState.ANSWERED;
import static io.tandem.graph.extend.CallerCallState.CONNECTING;
import static io.tandem.graph.extend.CallerCallState.ENDED;
import static io.tandem.graph.extend.CallerCallState.FORWARDING;
import static io.tandem.graph.extend.CallerCallState.HANDED_OVER;
import static io.tandem.graph.extend.CallerCallState.INCOMING;
import static io.tandem.graph.extend.CallerCallState.IN_FLOW;
import static io.tandem.graph.extend.CallerCallState.PASSED_ON;
import static io.tandem.graph.extend.CallerCallState.QUEUED;
import static io.tandem.graph.extend.CallerCallState.VOICEMAIL;
import static io.tandem.graph.extend.CallerCallState.WITH_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerCallStateTest {

  private static final Map<CallerCallState, Set<CallerCallState>> EXPECTED =
      Map.ofEntries(
          Map.entry(INCOMING, EnumSet.of(ANSWERED, ENDED)),
          Map.entry(ANSWERED, EnumSet.of(IN_FLOW, ENDED)),
          Map.entry(IN_FLOW, EnumSet.of(QUEUED, FORWARDING, VOICEMAIL, ENDED)),
          Map.entry(QUEUED, EnumSet.of(CONNECTING, WITH_AGENT, FORWARDING, VOICEMAIL, ENDED)),
          Map.entry(WITH_AGENT, EnumSet.of(QUEUED, PASSED_ON, ENDED)),
          Map.entry(PASSED_ON, EnumSet.of(ENDED)),
          Map.entry(VOICEMAIL, EnumSet.of(ENDED)),
          Map.entry(FORWARDING, EnumSet.of(ENDED)),
          Map.entry(CONNECTING, EnumSet.of(HANDED_OVER, QUEUED, ENDED)),
          Map.entry(HANDED_OVER, EnumSet.of(ENDED)),
          Map.entry(ENDED, EnumSet.noneOf(CallerCallState.class)));

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
