package io.tandem.core.tenant;

import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowCatalog;
import io.tandem.core.flow.FlowEvent;
import io.tandem.core.flow.FlowProblem;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.hours.BusinessHoursEvent;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.routing.TenantCatalog;
import io.tandem.core.routing.TenantState;
import io.tandem.core.skill.SkillDefinition;
import io.tandem.core.skill.SkillEvent;
import io.tandem.core.wrapup.WrapUpCode;
import io.tandem.core.wrapup.WrapUpCodeEvent;
import java.util.List;

/**
 * The tenant's commands over its {@link TenantCatalog}: define (add or replace) and remove business
 * hours, skills, flows and wrap-up codes, each emitting one event. A definition naming something
 * unknown throws {@link IllegalArgumentException}; a removal that would leave a queue or flow
 * naming something gone throws {@link IllegalTransitionException}. Runs on the tenant's single
 * writer.
 */
final class CatalogCommands {

  private final Tenant tenant;
  private final TenantState state;

  CatalogCommands(Tenant tenant, TenantState state) {
    this.tenant = tenant;
    this.state = state;
  }

  private TenantCatalog catalog() {
    return state.catalog();
  }

  void defineBusinessHours(BusinessHours hours) {
    tenant.emit(new BusinessHoursEvent.Defined(hours, tenant.now()));
  }

  void removeBusinessHours(String name) {
    requireKnown(catalog().businessHours(name) != null, "business hours " + name);
    for (QueueConfig queue : state.queues()) {
      Tenant.require(
          !name.equals(queue.businessHours()),
          "business hours " + name + " are used by queue " + queue.id());
    }
    requireNoFlowBreaks(
        "business hours " + name, CatalogWithout.businessHours(tenant.flowCatalog(), name));
    tenant.emit(new BusinessHoursEvent.Removed(name, tenant.now()));
  }

  void defineSkill(SkillDefinition skill) {
    tenant.emit(new SkillEvent.Defined(skill, tenant.now()));
  }

  void removeSkill(String name) {
    requireKnown(catalog().skill(name) != null, "skill " + name);
    if (!new TenantFlowCatalog(tenant).isUsed(name)) { // otherwise flows still know the skill
      requireNoFlowBreaks("skill " + name, CatalogWithout.skill(tenant.flowCatalog(), name));
    }
    tenant.emit(new SkillEvent.Removed(name, tenant.now()));
  }

  /**
   * Validates {@code flow} against the tenant's catalogue and stores it.
   *
   * @throws io.tandem.core.flow.InvalidFlowException listing every problem of the flow
   */
  void defineFlow(Flow flow) {
    FlowValidator.validate(flow, tenant.flowCatalog());
    tenant.emit(new FlowEvent.Defined(flow, tenant.now()));
  }

  void removeFlow(String id) {
    requireKnown(catalog().flow(id) != null, "flow " + id);
    tenant.emit(new FlowEvent.Removed(id, tenant.now()));
  }

  void defineWrapUpCode(WrapUpCode code) {
    tenant.emit(new WrapUpCodeEvent.Defined(code, tenant.now()));
  }

  void removeWrapUpCode(String code) {
    requireKnown(catalog().wrapUpCode(code) != null, "wrap-up code " + code);
    tenant.emit(new WrapUpCodeEvent.Removed(code, tenant.now()));
  }

  /** Refuses what would give a stored flow a new problem, naming the flow and its first problem. */
  void requireNoFlowBreaks(String what, FlowCatalog without) {
    for (Flow flow : catalog().flows()) {
      List<FlowProblem> before = FlowValidator.problems(flow, tenant.flowCatalog());
      List<FlowProblem> problems = new java.util.ArrayList<>(FlowValidator.problems(flow, without));
      problems.removeAll(before);
      if (!problems.isEmpty()) {
        throw new IllegalTransitionException(
            what + " is used by flow " + flow.id() + " (" + problems.get(0) + ")");
      }
    }
  }

  private static void requireKnown(boolean known, String what) {
    if (!known) {
      throw new IllegalArgumentException("unknown " + what);
    }
  }
}
