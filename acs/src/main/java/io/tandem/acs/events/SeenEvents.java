package io.tandem.acs.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids seen lately, so that a redelivered event (Event Grid and callback retries repeat
 * the id) is acted on once. Bounded: the oldest ids are forgotten past {@code capacity}.
 * Thread-safe.
 */
public final class SeenEvents {

  private final Map<String, Boolean> seen;

  public SeenEvents(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.seen =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Records {@code id}; true if it is new, false if it was seen before. */
  public synchronized boolean firstTime(String id) {
    return seen.putIfAbsent(id, Boolean.TRUE) == null;
  }

  /** How many ids are remembered. */
  public synchronized int size() {
    return seen.size();
  }
}
