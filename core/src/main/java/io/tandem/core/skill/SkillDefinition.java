package io.tandem.core.skill;

import java.util.Map;
import java.util.Objects;

/**
 * An entry of a tenant's skill catalogue: a skill name that queues, flows and agents may use, with
 * a description for people.
 *
 * @param name a skill name as {@link AgentSkills} accepts it, e.g. {@code billing}
 * @param description what the skill means; may be empty
 */
public record SkillDefinition(String name, String description) {

  /** Rejects a malformed skill name and a missing description. */
  public SkillDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    AgentSkills.of(Map.of(name, AgentSkills.MIN_PROFICIENCY));
  }
}
