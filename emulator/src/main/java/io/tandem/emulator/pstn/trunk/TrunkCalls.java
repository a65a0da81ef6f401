package io.tandem.emulator.pstn.trunk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trunk calls the control API can read: every live call, and the newest {@link #KEPT_ENDED}
 * ended ones (with what their callers heard); older ended calls are forgotten. Thread-safe.
 */
final class TrunkCalls {

  /** Ended calls kept for the control API. */
  static final int KEPT_ENDED = 200;

  private final Map<String, TrunkCall> byId = new ConcurrentHashMap<>();
  private final Deque<String> ended = new ArrayDeque<>();

  void add(TrunkCall call) {
    byId.put(call.id(), call);
  }

  Optional<TrunkCall> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Marks {@code call} ended; forgets the oldest ended call past the limit. */
  void ended(TrunkCall call) {
    synchronized (ended) {
      ended.addLast(call.id());
      while (ended.size() > KEPT_ENDED) {
        byId.remove(ended.removeFirst());
      }
    }
  }

  /** Every call known, live or recently ended. */
  Collection<TrunkCall> all() {
    return List.copyOf(byId.values());
  }

  /** Calls not yet ended. */
  List<TrunkCall> live() {
    List<TrunkCall> live = new ArrayList<>();
    for (TrunkCall call : byId.values()) {
      if (!call.state().isFinal()) {
        live.add(call);
      }
    }
    return live;
  }
}
