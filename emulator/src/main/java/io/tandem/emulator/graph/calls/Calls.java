package io.tandem.emulator.graph.calls;

import io.tandem.emulator.graph.GraphErrors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated calls by id: the live ones, and the newest {@code history} ended ones (for the
 * control API; Graph itself answers 404 for an ended call).
 */
final class Calls {

  private final Map<String, GraphCall> live = new ConcurrentHashMap<>();
  private final ArrayDeque<GraphCall> ended = new ArrayDeque<>();
  private final int history;

  Calls(int history) {
    this.history = history;
  }

  void add(GraphCall call) {
    live.put(call.id, call);
  }

  /** The live call {@code id} of the app's tenant, or Graph's 404. */
  GraphCall require(String id, String tenantId) {
    GraphCall call = live.get(id.toLowerCase(java.util.Locale.ROOT));
    if (call == null || !call.tenantId.equalsIgnoreCase(tenantId)) {
      throw GraphErrors.notFound("Call " + id + " was not found or has already ended.");
    }
    return call;
  }

  Optional<GraphCall> find(String id) {
    return Optional.ofNullable(live.get(id.toLowerCase(java.util.Locale.ROOT)));
  }

  /** Moves a terminated call from the live calls to the history. */
  void ended(GraphCall call) {
    if (live.remove(call.id) != null) {
      synchronized (ended) {
        ended.addLast(call);
        if (ended.size() > history) {
          ended.removeFirst();
        }
      }
    }
  }

  /** Live calls, then ended ones, oldest first. */
  List<GraphCall> all() {
    List<GraphCall> all = new ArrayList<>(live.values());
    all.sort(java.util.Comparator.comparing(call -> call.createdAt));
    synchronized (ended) {
      all.addAll(0, ended);
    }
    return all;
  }
}
