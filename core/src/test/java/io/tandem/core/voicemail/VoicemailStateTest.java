package io.tandem.core.voicemail;

import static io.tandem.core.voicemail.VoicemailState.DELETED;
import static io.tandem.core.voicemail.VoicemailState.HEARD;
import static io.tandem.core.voicemail.VoicemailState.NEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoicemailStateTest {

  private static final Map<VoicemailState, Set<VoicemailState>> EXPECTED =
      Map.of(
          NEW, EnumSet.of(HEARD, DELETED),
          HEARD, EnumSet.of(DELETED),
          DELETED, EnumSet.noneOf(VoicemailState.class));

  @Test
  void everyCellOfTheTable_isAsDocumented() {
    for (VoicemailState from : VoicemailState.values()) {
      for (VoicemailState to : VoicemailState.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " → " + to)
            .isEqualTo(EXPECTED.get(from).contains(to));
      }
    }
  }
}
