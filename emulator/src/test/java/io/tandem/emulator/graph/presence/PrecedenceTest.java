package io.tandem.emulator.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The aggregation rules, one row per case: sessions (oldest first) and preferred → shown. */
class PrecedenceTest {

  @ParameterizedTest(name = "{0} + preferred {1} → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          (none)                                       | -                 | Offline/Offline
          Available/Available                          | -                 | Available/Available
          Away/Away, Available/Available               | -                 | Available/Available
          Available/Available, Busy/InACall            | -                 | Busy/InACall
          Busy/InACall, DoNotDisturb/Presenting        | -                 | DoNotDisturb/Presenting
          DoNotDisturb/DoNotDisturb, Busy/InACall      | -                 | DoNotDisturb/DoNotDisturb
          Away/Away, BeRightBack/BeRightBack           | -                 | BeRightBack/BeRightBack
          AvailableIdle/Inactive, Away/Away            | -                 | AvailableIdle/Inactive
          Busy/InAMeeting, Busy/InACall                | -                 | Busy/InACall
          Busy/InACall, Busy/InAMeeting                | -                 | Busy/InAMeeting
          Offline/OffWork                              | -                 | Offline/OffWork
          Offline/OffWork, Away/Away                   | -                 | Away/Away
          Available/Available, Busy/InACall            | Away/Away         | Away/Away
          DoNotDisturb/DoNotDisturb                    | Available/Available | Available/Available
          Offline/OffWork                              | DoNotDisturb/DoNotDisturb | Offline/OffWork
          (none)                                       | Busy/Busy         | Offline/Offline
          Offline/OffWork, Busy/InAConferenceCall      | BeRightBack/BeRightBack | BeRightBack/BeRightBack
          """)
  void aggregate(String sessions, String preferred, String expected) {
    List<Precedence.Session> list = new ArrayList<>();
    if (!sessions.equals("(none)")) {
      Instant since = Instant.parse("2026-11-21T09:00:00Z");
      for (String session : sessions.split(",")) {
        list.add(new Precedence.Session(state(session.trim()), since));
        since = since.plusSeconds(1);
      }
    }

    PresenceState shown =
        Precedence.aggregate(list, preferred.equals("-") ? null : state(preferred));

    assertThat(shown.toString()).isEqualTo(expected);
  }

  private static PresenceState state(String pair) {
    String[] parts = pair.split("/");
    return PresenceState.parse(parts[0], parts[1]).orElseThrow();
  }
}
