package io.tandem.server.presence;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agents of a tenant that have a Teams user, by user: Entra object ids (lower case, as Graph
 * compares them) to the agents who are that user (usually one). Immutable.
 */
record TeamsAgents(Map<String, List<AgentId>> byUser) {

  static final TeamsAgents NONE = new TeamsAgents(Map.of());

  TeamsAgents {
    Map<String, List<AgentId>> copy = new LinkedHashMap<>();
    byUser.forEach((user, agents) -> copy.put(user, List.copyOf(agents)));
    byUser = java.util.Collections.unmodifiableMap(copy);
  }

  /** The agents among {@code profiles} with a {@code teamsUserId}. */
  static TeamsAgents of(Iterable<AgentProfile> profiles) {
    Map<String, List<AgentId>> byUser = new LinkedHashMap<>();
    for (AgentProfile profile : profiles) {
      String user = profile.teamsUserId();
      if (user != null && !user.isBlank()) {
        byUser.computeIfAbsent(key(user), u -> new ArrayList<>()).add(profile.id());
      }
    }
    return new TeamsAgents(byUser);
  }

  Set<String> userIds() {
    return byUser.keySet();
  }

  /** The agents who are Teams user {@code userId} (any case); empty if none. */
  List<AgentId> agentsOf(String userId) {
    return byUser.getOrDefault(key(userId), List.of());
  }

  boolean isEmpty() {
    return byUser.isEmpty();
  }

  private static String key(String userId) {
    return userId.strip().toLowerCase(Locale.ROOT);
  }
}
