package io.tandem.server.config;

import io.tandem.core.agent.AgentProfile;
import io.tandem.core.flow.Flow;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.skill.SkillDefinition;
import io.tandem.core.wrapup.WrapUpCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a whole {@link ConfigurationDocument} into a {@link ConfigurationModel}, checking every
 * object, that ids are unique and that every reference resolves within the document; and writes a
 * model back as a document. Stateless.
 */
public final class ConfigurationDocuments {

  private ConfigurationDocuments() {}

  /**
   * The configuration {@code doc} describes.
   *
   * @throws InvalidConfigurationException listing every problem, each with its field path
   */
  static ConfigurationModel read(ConfigurationDocument doc) {
    Problems problems = new Problems();
    ConfigurationModel model = new ConfigurationModel();
    List<SkillDocument> skills = ConfigurationDocument.orEmpty(doc.skills());
    for (int i = 0; i < skills.size(); i++) {
      String path = "skills[" + i + "]";
      SkillDefinition skill = skill(skills.get(i), path, problems);
      put(model.skills, skill == null ? null : skill.name(), skill, path + ".name", problems);
    }
    List<BusinessHoursDocument> hours = ConfigurationDocument.orEmpty(doc.businessHours());
    for (int i = 0; i < hours.size(); i++) {
      String path = "businessHours[" + i + "]";
      BusinessHours h = HoursDocuments.hours(hours.get(i), path, problems);
      put(model.businessHours, h == null ? null : h.name(), h, path + ".name", problems);
    }
    List<WrapUpCodeDocument> codes = ConfigurationDocument.orEmpty(doc.wrapUpCodes());
    for (int i = 0; i < codes.size(); i++) {
      String path = "wrapUpCodes[" + i + "]";
      WrapUpCode code = wrapUpCode(codes.get(i), path, problems);
      put(model.wrapUpCodes, code == null ? null : code.code(), code, path + ".code", problems);
    }
    List<AgentDocument> agents = ConfigurationDocument.orEmpty(doc.agents());
    for (int i = 0; i < agents.size(); i++) {
      String path = "agents[" + i + "]";
      AgentProfile agent = AgentDocuments.profile(agents.get(i), path, problems);
      put(model.agents, agent == null ? null : agent.id(), agent, path + ".id", problems);
    }
    List<QueueDocument> queues = ConfigurationDocument.orEmpty(doc.queues());
    List<String> queuePaths = new ArrayList<>();
    for (int i = 0; i < queues.size(); i++) {
      String path = "queues[" + i + "]";
      QueueConfig queue = QueueDocuments.config(queues.get(i), path, problems);
      if (put(model.queues, queue == null ? null : queue.id(), queue, path + ".id", problems)) {
        queuePaths.add(path);
      }
    }
    List<JsonNode> flows = ConfigurationDocument.orEmpty(doc.flows());
    List<String> flowPaths = new ArrayList<>();
    for (int i = 0; i < flows.size(); i++) {
      String path = "flows[" + i + "]";
      Flow flow = FlowDocuments.flow(flows.get(i), path, problems);
      if (put(model.flows, flow == null ? null : flow.id(), flow, path + ".id", problems)) {
        flowPaths.add(path);
      }
    }
    int q = 0;
    for (QueueConfig queue : model.queues.values()) {
      References.checkQueue(queue, model, queuePaths.get(q++), problems);
    }
    int f = 0;
    for (Flow flow : model.flows.values()) {
      References.checkFlow(flow, model, flowPaths.get(f++), problems);
    }
    problems.throwIfAny();
    return model;
  }

  /** Puts {@code value} under {@code key} unless either is null or the key is taken. */
  private static <K, V> boolean put(
      Map<K, V> map, @Nullable K key, @Nullable V value, String field, Problems problems) {
    if (key == null || value == null) {
      return false;
    }
    if (map.containsKey(key)) {
      problems.add(field, "'" + key + "' appears twice");
      return false;
    }
    map.put(key, value);
    return true;
  }

  static @Nullable SkillDefinition skill(SkillDocument doc, String path, Problems problems) {
    if (doc.name() == null) {
      problems.add(Problems.at(path, "name"), "is required");
      return null;
    }
    String description = doc.description() == null ? "" : doc.description();
    return problems.attempt(
        Problems.at(path, "name"), () -> new SkillDefinition(doc.name(), description));
  }

  static @Nullable WrapUpCode wrapUpCode(WrapUpCodeDocument doc, String path, Problems problems) {
    if (doc.code() == null) {
      problems.add(Problems.at(path, "code"), "is required");
    }
    if (doc.label() == null) {
      problems.add(Problems.at(path, "label"), "is required");
    }
    if (doc.code() == null || doc.label() == null) {
      return null;
    }
    return problems.attempt(path, () -> new WrapUpCode(doc.code(), doc.label()));
  }

  /** The document of {@code model}, every object and key written, in the model's order. */
  static ConfigurationDocument write(ConfigurationModel model) {
    return new ConfigurationDocument(
        map(model.skills, s -> new SkillDocument(s.name(), s.description())),
        map(model.businessHours, HoursDocuments::of),
        map(model.wrapUpCodes, c -> new WrapUpCodeDocument(c.code(), c.label())),
        map(model.agents, AgentDocuments::of),
        map(model.queues, QueueDocuments::of),
        map(model.flows, FlowDocuments::of));
  }

  private static <V, D> List<D> map(Map<?, V> values, Function<V, D> write) {
    return values.values().stream().map(write).toList();
  }
}
