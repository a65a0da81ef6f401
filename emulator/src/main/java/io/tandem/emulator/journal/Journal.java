package io.tandem.emulator.journal;

import io.tandem.emulator.time.Scheduler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Everything the emulator received, sent and saw, in order: every call, leg, request and
 * notification, for tests and scenarios to read back. Keeps the newest {@code capacity} entries.
 */
public final class Journal {

  private final Scheduler clock;
  private final int capacity;
  private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
  private long lastSequence;

  public Journal(Scheduler clock, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be at least 1");
    }
    this.clock = clock;
    this.capacity = capacity;
  }

  /** Appends an entry and returns it. */
  public JournalEntry record(
      Channel channel,
      Direction direction,
      String kind,
      @Nullable String callId,
      Map<String, String> attributes,
      @Nullable String body) {
    synchronized (entries) {
      JournalEntry entry =
          new JournalEntry(
              ++lastSequence, clock.now(), channel, direction, kind, callId, attributes, body);
      entries.addLast(entry);
      if (entries.size() > capacity) {
        entries.removeFirst();
      }
      return entry;
    }
  }

  /** Appends a world event without a wire body. */
  public JournalEntry event(
      Channel channel, String kind, @Nullable String callId, Map<String, String> attributes) {
    return record(channel, Direction.EVENT, kind, callId, attributes, null);
  }

  /**
   * Entries after {@code sequence} that match {@code filter}, oldest first, at most {@code limit}.
   */
  public List<JournalEntry> after(long sequence, Predicate<JournalEntry> filter, int limit) {
    synchronized (entries) {
      List<JournalEntry> found = new ArrayList<>();
      for (JournalEntry entry : entries) {
        if (entry.sequence() > sequence && filter.test(entry)) {
          found.add(entry);
          if (found.size() == limit) {
            break;
          }
        }
      }
      return found;
    }
  }

  /** The sequence number of the newest entry (0 when empty). */
  public long lastSequence() {
    synchronized (entries) {
      return lastSequence;
    }
  }
}
