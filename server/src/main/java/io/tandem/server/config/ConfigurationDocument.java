package io.tandem.server.config;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's whole configuration as one document (YAML or JSON): each list holds every object of
 * its kind, and an absent list is empty. Applying a document makes the tenant's configuration
 * exactly this: what is listed is created or replaced, what is not is removed.
 *
 * <p>Flows are written in the form {@link FlowDocuments} describes.
 */
public record ConfigurationDocument(
    @Nullable List<SkillDocument> skills,
    @Nullable List<BusinessHoursDocument> businessHours,
    @Nullable List<WrapUpCodeDocument> wrapUpCodes,
    @Nullable List<AgentDocument> agents,
    @Nullable List<QueueDocument> queues,
    @Nullable List<JsonNode> flows) {

  static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }
}
