package io.tandem.acs.unify;

import static io.tandem.acs.unify.CallerConnectionState.ANSWERED;
import static io.tandem.acs.unify.CallerConnectionState.ENDED;
import static io.tandem.acs.unify.CallerConnectionState.FORWARDING;
import static io.tandem.acs.unify.CallerConnectionState.INCOMING;
import static io.tandem.acs.unify.CallerConnectionState.IN_FLOW;
import static io.tandem.acs.unify.CallerConnectionState.QUEUED;
import static io.tandem.acs.unify.CallerConnectionState.VOICEMAIL;
import static io.tandem.acs.unify.CallerConnectionState.WITH_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerConnectionStateTest {

  private static final Map<CallerConnectionState, Set<CallerConnectionState>> EXPECTED =
      Map.of(
          INCOMING, EnumSet.of(ANSWERED, ENDED),
          ANSWERED, EnumSet.of(IN_FLOW, ENDED),
          IN_FLOW, EnumSet.of(QUEUED, FORWARDING, VOICEMAIL, ENDED),
          QUEUED, EnumSet.of(WITH_AGENT, FORWARDING, VOICEMAIL, ENDED),
          WITH_AGENT, EnumSet.of(QUEUED, ENDED),
          VOICEMAIL, EnumSet.of(ENDED),
          FORWARDING, EnumSet.of(ENDED),
          ENDED, EnumSet.noneOf(CallerConnectionState.class));

  @Test
  void everyCellOfTheTable_isAsDocumented() {
    for (CallerConnectionState from : CallerConnectionState.values()) {
      for (CallerConnectionState to : CallerConnectionState.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " → " + to)
            .isEqualTo(EXPECTED.get(from).contains(to));
      }
    }
  }
}
