package io.tandem.core.flow;

import io.tandem.core.hours.BusinessHours;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fakes a tenant's configuration with the queues, skills and business hours a test gives it. */
final class FixedFlowCatalog implements FlowCatalog {

  private final Set<String> queues = new HashSet<>();
  private final Set<String> skills = new HashSet<>();
  private final Map<String, BusinessHours> hours = new HashMap<>();

  FixedFlowCatalog withQueues(String... names) {
    queues.addAll(List.of(names));
    return this;
  }

  FixedFlowCatalog withSkills(String... names) {
    skills.addAll(List.of(names));
    return this;
  }

  FixedFlowCatalog withHours(BusinessHours businessHours) {
    hours.put(businessHours.name(), businessHours);
    return this;
  }

  @Override
  public boolean hasQueue(String queue) {
    return queues.contains(queue);
  }

  @Override
  public boolean hasSkill(String skill) {
    return skills.contains(skill);
  }

  @Override
  public Optional<BusinessHours> businessHours(String name) {
    return Optional.ofNullable(hours.get(name));
  }
}
