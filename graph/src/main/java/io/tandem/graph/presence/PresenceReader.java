package io.tandem.graph.presence;

import io.tandem.graph.client.GraphClient;
import io.tandem.graph.client.GraphException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the presence of any number of users through {@code POST
 * /communications/getPresencesByUserId}, {@value #MAX_IDS_PER_REQUEST} ids per request. Throttling
 * (429 with {@code Retry-After}; 1,500 requests per 30 s per app per tenant) and 5xx are handled by
 * the {@link GraphClient}'s retry policy; a request that still fails ends the read with its {@link
 * GraphException}, after the batches already read were handed over.
 *
 * <p>Thread-safe; blocks the calling thread for the HTTP exchanges.
 */
public final class PresenceReader {

  /** Graph's limit of ids in one {@code getPresencesByUserId} request. */
  public static final int MAX_IDS_PER_REQUEST = 650;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final GraphClient graph;

  public PresenceReader(GraphClient graph) {
    this.graph = graph;
  }

  /** Receives the presences of one batch as soon as it was read. */
  @FunctionalInterface
  public interface BatchReceiver {
    void received(Map<String, TeamsPresence> presences);
  }

  /**
   * The presence of every id in {@code userIds} (duplicates read once), keyed by the id as given.
   * An id Graph leaves out of its answer is {@link TeamsPresence#UNKNOWN}.
   */
  public Map<String, TeamsPresence> read(Collection<String> userIds) throws GraphException {
    Map<String, TeamsPresence> all = new LinkedHashMap<>();
    read(userIds, all::putAll);
    return all;
  }

  /** Reads {@code userIds} batch by batch, handing each batch's presences to {@code receiver}. */
  public void read(Collection<String> userIds, BatchReceiver receiver) throws GraphException {
    for (List<String> batch : batches(userIds, MAX_IDS_PER_REQUEST)) {
      receiver.received(readBatch(batch));
    }
  }

  private Map<String, TeamsPresence> readBatch(List<String> ids) throws GraphException {
    ObjectNode request = JSON.createObjectNode();
    ids.forEach(request.putArray("ids")::add);
    Map<String, TeamsPresence> answered =
        PresenceJson.collection(graph.post("/communications/getPresencesByUserId", request).body());
    Map<String, TeamsPresence> byLowerCaseId = new HashMap<>();
    answered.forEach((id, presence) -> byLowerCaseId.put(lower(id), presence));
    Map<String, TeamsPresence> result = new LinkedHashMap<>();
    for (String id : ids) {
      result.put(id, byLowerCaseId.getOrDefault(lower(id), TeamsPresence.UNKNOWN));
    }
    return result;
  }

  /** {@code ids} without duplicates, cut into lists of at most {@code size}, in order. */
  static List<List<String>> batches(Collection<String> ids, int size) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += size) {
      batches.add(List.copyOf(distinct.subList(from, Math.min(distinct.size(), from + size))));
    }
    return batches;
  }

  private static String lower(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
