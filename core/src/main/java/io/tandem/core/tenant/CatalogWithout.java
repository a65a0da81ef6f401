package io.tandem.core.tenant;

import io.tandem.core.flow.FlowCatalog;
import io.tandem.core.hours.BusinessHours;
import java.util.Optional;
import java.util.Set;

/**
 * A flow catalogue as it would be after removing some queues, skills or business hours: what a
 * removal is checked against, so that it cannot leave a flow naming something that is gone.
 */
record CatalogWithout(
    FlowCatalog catalog, Set<String> queues, Set<String> skills, Set<String> businessHours)
    implements FlowCatalog {

  static CatalogWithout queue(FlowCatalog catalog, String queue) {
    return new CatalogWithout(catalog, Set.of(queue), Set.of(), Set.of());
  }

  static CatalogWithout skill(FlowCatalog catalog, String skill) {
    return new CatalogWithout(catalog, Set.of(), Set.of(skill), Set.of());
  }

  static CatalogWithout businessHours(FlowCatalog catalog, String name) {
    return new CatalogWithout(catalog, Set.of(), Set.of(), Set.of(name));
  }

  @Override
  public boolean hasQueue(String queue) {
    return !queues.contains(queue) && catalog.hasQueue(queue);
  }

  @Override
  public boolean hasSkill(String skill) {
    return !skills.contains(skill) && catalog.hasSkill(skill);
  }

  @Override
  public Optional<BusinessHours> businessHours(String name) {
    return businessHours.contains(name) ? Optional.empty() : catalog.businessHours(name);
  }
}
