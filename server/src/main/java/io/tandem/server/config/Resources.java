package io.tandem.server.config;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.flow.Flow;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.SkillDefinition;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.wrapup.WrapUpCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One configuration object at a time, as the CRUD endpoints need it: {@code read…} turns a request
 * body into a core value (its id given by the request path; an id in the body must match), {@code
 * put…} checks its references against the tenant and creates or replaces it (returning whether it
 * was created), {@code delete…} removes it (returning whether it existed). {@code put…} and {@code
 * delete…} run on the tenant's writer. Problems throw {@link InvalidConfigurationException} (field
 * paths relative to the body); conflicts with the tenant's state throw {@link
 * IllegalTransitionException}.
 */
public final class Resources {

  private Resources() {}

  public static AgentProfile readAgent(String id, AgentDocument doc) {
    Problems problems = new Problems();
    sameId(id, doc.id(), "id", problems);
    AgentDocument withId =
        new AgentDocument(
            id, doc.name(), doc.skills(), doc.languages(), doc.capacity(), doc.teamsUserId());
    AgentProfile profile = AgentDocuments.profile(withId, "", problems);
    problems.throwIfAny();
    return profile;
  }

  public static boolean putAgent(Tenant tenant, AgentProfile profile) {
    boolean created = tenant.state().agent(profile.id()) == null;
    tenant.configureAgent(profile);
    return created;
  }

  /** Removes a logged-out agent that no queue lists as a member. */
  public static boolean deleteAgent(Tenant tenant, AgentId id) {
    if (tenant.state().agent(id) == null) {
      return false;
    }
    for (QueueConfig queue : tenant.state().queues()) {
      if (queue.members().contains(id)) {
        throw new IllegalTransitionException("agent " + id + " is a member of queue " + queue.id());
      }
    }
    tenant.removeAgent(id);
    return true;
  }

  private static QueueDocument withId(String id, QueueDocument d) {
    return new QueueDocument(
        id,
        d.name(),
        d.priority(),
        d.stages(),
        d.members(),
        d.strategy(),
        d.simultaneousOffers(),
        d.allowedAvailabilities(),
        d.serviceLevel(),
        d.maxWait(),
        d.maxLength(),
        d.overflowAction(),
        d.noAgentAction(),
        d.businessHours(),
        d.closedAction(),
        d.wrapUp(),
        d.ringTimeout(),
        d.preferredAgentTimeout(),
        d.announcements());
  }

  /** What a {@code PUT} made: whether it created the object, and the object. */
  public record Put<T>(boolean created, T value) {}

  /**
   * Reads the queue and checks its references in one pass (so that every problem is reported), then
   * creates or replaces it; call on the tenant's writer.
   */
  public static Put<QueueConfig> putQueue(Tenant tenant, String id, QueueDocument doc) {
    Problems problems = new Problems();
    sameId(id, doc.id(), "id", problems);
    QueueConfig config = QueueDocuments.config(withId(id, doc), "", problems);
    ConfigurationModel model = ConfigurationModel.of(tenant);
    boolean created = tenant.state().queue(new QueueId(id)) == null;
    if (config != null) {
      model.queues.put(config.id(), config);
      References.checkQueue(config, model, "", problems);
    }
    problems.throwIfAny();
    tenant.configureQueue(config);
    return new Put<>(created, config);
  }

  public static boolean deleteQueue(Tenant tenant, QueueId id) {
    if (tenant.state().queue(id) == null) {
      return false;
    }
    tenant.removeQueue(id);
    return true;
  }

  public static SkillDefinition readSkill(String name, SkillDocument doc) {
    Problems problems = new Problems();
    sameId(name, doc.name(), "name", problems);
    SkillDefinition skill =
        ConfigurationDocuments.skill(new SkillDocument(name, doc.description()), "", problems);
    problems.throwIfAny();
    return skill;
  }

  public static boolean putSkill(Tenant tenant, SkillDefinition skill) {
    boolean created = tenant.catalog().skill(skill.name()) == null;
    tenant.defineSkill(skill);
    return created;
  }

  public static boolean deleteSkill(Tenant tenant, String name) {
    if (tenant.catalog().skill(name) == null) {
      return false;
    }
    tenant.removeSkill(name);
    return true;
  }

  public static WrapUpCode readWrapUpCode(String code, WrapUpCodeDocument doc) {
    Problems problems = new Problems();
    sameId(code, doc.code(), "code", problems);
    WrapUpCode wrapUp =
        ConfigurationDocuments.wrapUpCode(new WrapUpCodeDocument(code, doc.label()), "", problems);
    problems.throwIfAny();
    return wrapUp;
  }

  public static boolean putWrapUpCode(Tenant tenant, WrapUpCode code) {
    boolean created = tenant.catalog().wrapUpCode(code.code()) == null;
    tenant.defineWrapUpCode(code);
    return created;
  }

  public static boolean deleteWrapUpCode(Tenant tenant, String code) {
    if (tenant.catalog().wrapUpCode(code) == null) {
      return false;
    }
    tenant.removeWrapUpCode(code);
    return true;
  }

  public static BusinessHours readBusinessHours(String name, BusinessHoursDocument doc) {
    Problems problems = new Problems();
    sameId(name, doc.name(), "name", problems);
    BusinessHours hours =
        HoursDocuments.hours(
            new BusinessHoursDocument(name, doc.zone(), doc.weekly(), doc.holidaySets()),
            "",
            problems);
    problems.throwIfAny();
    return hours;
  }

  public static boolean putBusinessHours(Tenant tenant, BusinessHours hours) {
    boolean created = tenant.businessHours(hours.name()) == null;
    tenant.defineBusinessHours(hours);
    return created;
  }

  public static boolean deleteBusinessHours(Tenant tenant, String name) {
    if (tenant.businessHours(name) == null) {
      return false;
    }
    tenant.removeBusinessHours(name);
    return true;
  }

  /** The flow {@code body} describes; its {@code id} may be left out (the path gives it). */
  public static Flow readFlow(String id, JsonNode body) {
    Problems problems = new Problems();
    if (body instanceof tools.jackson.databind.node.ObjectNode object) {
      JsonNode given = object.get("id");
      if (given == null) {
        object.put("id", id);
      } else {
        sameId(id, given.isString() ? given.stringValue() : given.toString(), "id", problems);
      }
    }
    problems.throwIfAny();
    Flow flow = FlowDocuments.flow(body, "", problems);
    problems.throwIfAny();
    return flow;
  }

  public static boolean putFlow(Tenant tenant, Flow flow) {
    ConfigurationModel model = ConfigurationModel.of(tenant);
    boolean created = model.flows.put(flow.id(), flow) == null;
    Problems problems = new Problems();
    References.checkFlow(flow, model, "", problems);
    problems.throwIfAny();
    tenant.defineFlow(flow);
    return created;
  }

  public static boolean deleteFlow(Tenant tenant, String id) {
    if (tenant.catalog().flow(id) == null) {
      return false;
    }
    tenant.removeFlow(id);
    return true;
  }

  public static AgentDocument agentDocument(AgentProfile profile) {
    return AgentDocuments.of(profile);
  }

  public static QueueDocument queueDocument(QueueConfig config) {
    return QueueDocuments.of(config);
  }

  public static BusinessHoursDocument hoursDocument(BusinessHours hours) {
    return HoursDocuments.of(hours);
  }

  public static JsonNode flowDocument(Flow flow) {
    return FlowDocuments.of(flow);
  }

  private static void sameId(String id, @Nullable String given, String field, Problems problems) {
    if (given != null && !given.equals(id)) {
      problems.add(field, "is '" + given + "' but the path names '" + id + "'");
    }
  }
}
