package io.tandem.core.tenant;

import io.tandem.core.flow.FlowCatalog;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import java.util.Optional;

/**
 * What a tenant's flows may refer to: its queues, its skills (those defined for the tenant plus
 * every skill an agent has or a queue asks for) and its business hours.
 */
final class TenantFlowCatalog implements FlowCatalog {

  private final Tenant tenant;

  TenantFlowCatalog(Tenant tenant) {
    this.tenant = tenant;
  }

  @Override
  public boolean hasQueue(String queue) {
    try {
      return tenant.state().queue(new QueueId(queue)) != null;
    } catch (IllegalArgumentException notAnId) {
      return false;
    }
  }

  @Override
  public boolean hasSkill(String skill) {
    return tenant.catalog().skill(skill) != null || isUsed(skill);
  }

  /** Whether an agent has {@code skill} or a queue asks for it. */
  boolean isUsed(String skill) {
    for (Agent agent : tenant.state().agents()) {
      if (agent.profile().skills().proficiency(skill) > 0) {
        return true;
      }
    }
    for (QueueConfig queue : tenant.state().queues()) {
      if (queue.skillNames().contains(skill)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<BusinessHours> businessHours(String name) {
    return Optional.ofNullable(tenant.businessHours(name));
  }
}
