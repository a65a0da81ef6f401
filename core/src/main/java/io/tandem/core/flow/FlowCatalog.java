package io.tandem.core.flow;

import io.tandem.core.hours.BusinessHours;
import java.util.Optional;

/**
 * What a tenant has configured that flows refer to by name: queues, skills and business hours.
 * {@link FlowValidator} asks it whether every name a flow uses exists.
 */
public interface FlowCatalog {

  /** Whether the tenant has a queue called {@code queue}. */
  boolean hasQueue(String queue);

  /** Whether the tenant has defined the skill {@code skill}. */
  boolean hasSkill(String skill);

  /** The tenant's business hours called {@code name}, if there are any. */
  Optional<BusinessHours> businessHours(String name);
}
