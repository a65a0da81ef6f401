package io.tandem.testkit.load;

import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.journal.JournalEntry;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads what the emulator's journal records from its creation on, a batch at a time, and notices
 * when the journal dropped entries before they were read (more than its capacity since the last
 * read). Not thread-safe; its owner reads from one thread at a time.
 */
public final class JournalReader {

  private final Journal journal;
  private final int capacity;
  private final Predicate<JournalEntry> wanted;
  private long lastSequence;
  private boolean entriesLost;

  /**
   * @param capacity entries {@code journal} keeps
   * @param wanted the entries to read; others are passed over
   */
  public JournalReader(Journal journal, int capacity, Predicate<JournalEntry> wanted) {
    this.journal = journal;
    this.capacity = capacity;
    this.wanted = wanted;
    this.lastSequence = journal.lastSequence();
  }

  /** The wanted entries recorded since the last read, oldest first. */
  public List<JournalEntry> next() {
    long newest = journal.lastSequence();
    if (newest - lastSequence > capacity) {
      entriesLost = true;
    }
    List<JournalEntry> entries = journal.after(lastSequence, wanted, Integer.MAX_VALUE);
    lastSequence = newest;
    return entries;
  }

  /** Whether the journal dropped entries before a read reached them. */
  public boolean entriesLost() {
    return entriesLost;
  }
}
