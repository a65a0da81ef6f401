package io.tandem.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.time.ManualScheduler;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalReaderTest {

  private final Journal journal =
      new Journal(new ManualScheduler(Instant.parse("2026-11-23T09:00:00Z")), 4);

  @Test
  void next_readsOnlyWantedEntriesRecordedSinceTheLastRead() {
    journal.event(Channel.GRAPH, "before", null, Map.of());
    JournalReader reader = new JournalReader(journal, 4, entry -> !entry.kind().startsWith("skip"));
    journal.event(Channel.GRAPH, "first", null, Map.of());
    journal.event(Channel.GRAPH, "skip me", null, Map.of());

    assertThat(reader.next()).extracting(JournalEntry::kind).containsExactly("first");

    journal.event(Channel.GRAPH, "second", null, Map.of());

    assertThat(reader.next()).extracting(JournalEntry::kind).containsExactly("second");
    assertThat(reader.next()).isEmpty();
    assertThat(reader.entriesLost()).isFalse();
  }

  @Test
  void next_afterMoreEntriesThanTheJournalKeeps_saysEntriesWereLost() {
    JournalReader reader = new JournalReader(journal, 4, entry -> true);
    for (int i = 0; i < 5; i++) {
      journal.event(Channel.GRAPH, "e" + i, null, Map.of());
    }

    assertThat(reader.next())
        .extracting(JournalEntry::kind)
        .containsExactly("e1", "e2", "e3", "e4");
    assertThat(reader.entriesLost()).isTrue();
  }
}
