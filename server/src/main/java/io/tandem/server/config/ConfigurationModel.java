package io.tandem.server.config;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowCatalog;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import io.tandem.core.skill.SkillDefinition;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.wrapup.WrapUpCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's configuration as core values, each kind by id in order: what a tenant has now ({@link
 * #of}), or what a document asks for. Also the {@link FlowCatalog} of that configuration: the
 * queues, skills (the catalogue, plus those agents have and queues ask for) and business hours
 * flows may name. Mutable while built, then only read.
 */
final class ConfigurationModel implements FlowCatalog {

  final Map<String, SkillDefinition> skills = new LinkedHashMap<>();
  final Map<String, BusinessHours> businessHours = new LinkedHashMap<>();
  final Map<String, WrapUpCode> wrapUpCodes = new LinkedHashMap<>();
  final Map<AgentId, AgentProfile> agents = new LinkedHashMap<>();
  final Map<QueueId, QueueConfig> queues = new LinkedHashMap<>();
  final Map<String, Flow> flows = new LinkedHashMap<>();

  /** The configuration {@code tenant} has now; call on its writer. */
  static ConfigurationModel of(Tenant tenant) {
    ConfigurationModel model = new ConfigurationModel();
    tenant.catalog().skills().forEach(s -> model.skills.put(s.name(), s));
    tenant.catalog().businessHours().forEach(h -> model.businessHours.put(h.name(), h));
    tenant.catalog().wrapUpCodes().forEach(c -> model.wrapUpCodes.put(c.code(), c));
    for (Agent agent : tenant.state().agents()) {
      model.agents.put(agent.id(), agent.profile());
    }
    tenant.state().queues().forEach(q -> model.queues.put(q.id(), q));
    tenant.catalog().flows().forEach(f -> model.flows.put(f.id(), f));
    return model;
  }

  @Override
  public boolean hasQueue(String queue) {
    return queues.keySet().stream().anyMatch(id -> id.value().equals(queue));
  }

  @Override
  public boolean hasSkill(String skill) {
    return skills.containsKey(skill)
        || agents.values().stream().anyMatch(a -> a.skills().proficiency(skill) > 0)
        || queues.values().stream().anyMatch(q -> q.skillNames().contains(skill));
  }

  /** Whether queues may ask for {@code skill}: it is in the catalogue or some agent has it. */
  boolean isKnownSkill(String skill) {
    return skills.containsKey(skill)
        || agents.values().stream().anyMatch(a -> a.skills().proficiency(skill) > 0);
  }

  @Override
  public Optional<BusinessHours> businessHours(String name) {
    return Optional.ofNullable(businessHours.get(name));
  }
}
