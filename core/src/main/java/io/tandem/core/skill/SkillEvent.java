package io.tandem.core.skill;

import io.tandem.core.event.TenantEvent;
import java.time.Instant;

/** Events about a tenant's skill catalogue. */
public sealed interface SkillEvent extends TenantEvent {

  /** The skill the event is about. */
  String skill();

  /** A skill was added to the catalogue, or its description changed. */
  record Defined(SkillDefinition definition, Instant at) implements SkillEvent {
    @Override
    public String skill() {
      return definition.name();
    }
  }

  /** A skill was removed from the catalogue. */
  record Removed(String skill, Instant at) implements SkillEvent {}
}
