package io.tandem.emulator.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every cell of the app-session stage table. */
class SessionStageTest {

  private static final Map<SessionStage, Set<SessionStage>> EXPECTED =
      Map.of(
          SessionStage.ACTIVE,
              Set.of(SessionStage.ACTIVE, SessionStage.INACTIVE, SessionStage.ENDED),
          SessionStage.INACTIVE, Set.of(SessionStage.ACTIVE, SessionStage.AWAY, SessionStage.ENDED),
          SessionStage.AWAY, Set.of(SessionStage.ACTIVE, SessionStage.ENDED),
          SessionStage.ENDED, Set.of());

  @Test
  void everyMove_isLegalExactlyWhenTheTableSaysSo() {
    for (SessionStage from : SessionStage.values()) {
      for (SessionStage to : SessionStage.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " → " + to)
            .isEqualTo(EXPECTED.get(from).contains(to));
      }
    }
  }

  @Test
  void fadingStages_showWhatGraphDocuments() {
    PresenceState set = PresenceState.AVAILABLE;
    assertThat(SessionStage.ACTIVE.shows(set)).isEqualTo(set);
    assertThat(SessionStage.INACTIVE.shows(set).toString()).isEqualTo("AvailableIdle/Inactive");
    assertThat(SessionStage.AWAY.shows(set).toString()).isEqualTo("Away/Away");
    assertThat(SessionStage.ENDED.shows(set).toString()).isEqualTo("Offline/Offline");
  }
}
