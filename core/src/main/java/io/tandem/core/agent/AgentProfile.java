package io.tandem.core.agent;

import io.tandem.core.interaction.Channel;
import io.tandem.core.skill.AgentSkills;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who an agent is to the routing engine: skills with proficiency, languages, and how many
 * interactions of each channel they can handle at once.
 *
 * @param id the agent's id
 * @param name display name
 * @param skills skills (1-5) and languages
 * @param capacity interactions per channel at once; a channel absent or 0 is not served
 * @param teamsUserId the agent's Entra object id, to follow their Teams presence; {@code null} if
 *     none
 */
public record AgentProfile(
    AgentId id,
    String name,
    AgentSkills skills,
    Map<Channel, Integer> capacity,
    @Nullable String teamsUserId) {
  public AgentProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(skills, "skills");
    EnumMap<Channel, Integer> copy = new EnumMap<>(Channel.class);
    capacity.forEach(
        (channel, count) -> {
          if (count < 0 || count > 20) {
            throw new IllegalArgumentException(
                "capacity for " + channel + " must be 0-20, got " + count);
          }
          copy.put(channel, count);
        });
    capacity = Map.copyOf(copy);
  }

  /** An agent who takes one call at a time (voice and callbacks). */
  public static AgentProfile voice(String id, AgentSkills skills) {
    return new AgentProfile(
        new AgentId(id), id, skills, Map.of(Channel.VOICE, 1, Channel.CALLBACK, 1), null);
  }

  /** How many interactions of {@code channel} the agent can handle at once. */
  public int capacityFor(Channel channel) {
    return capacity.getOrDefault(channel, 0);
  }
}
