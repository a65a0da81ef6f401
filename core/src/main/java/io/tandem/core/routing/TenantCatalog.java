package io.tandem.core.routing;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowEvent;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.hours.BusinessHoursEvent;
import io.tandem.core.skill.SkillDefinition;
import io.tandem.core.skill.SkillEvent;
import io.tandem.core.wrapup.WrapUpCode;
import io.tandem.core.wrapup.WrapUpCodeEvent;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The named things a tenant configures besides agents and queues: business hours (with their
 * holiday sets), the skill catalogue, virtual-assistant flows and wrap-up codes, each in the order
 * first defined. Changed only by applying their events ({@link TenantState#apply}), so replaying a
 * tenant's log restores it.
 *
 * <p>Applying checks no references (the tenant's commands do that before they emit), and a removal
 * of something absent contradicts the state: it throws {@link IllegalStateException} and changes
 * nothing. Not thread-safe: owned by the tenant's single writer.
 */
public final class TenantCatalog {

  private final Map<String, BusinessHours> businessHours = new LinkedHashMap<>();
  private final Map<String, SkillDefinition> skills = new LinkedHashMap<>();
  private final Map<String, Flow> flows = new LinkedHashMap<>();
  private final Map<String, WrapUpCode> wrapUpCodes = new LinkedHashMap<>();

  TenantCatalog() {}

  /** Whether {@code event} is one this catalogue applies. */
  static boolean handles(TenantEvent event) {
    return event instanceof BusinessHoursEvent
        || event instanceof SkillEvent
        || event instanceof FlowEvent
        || event instanceof WrapUpCodeEvent;
  }

  void apply(TenantEvent event) {
    switch (event) {
      case BusinessHoursEvent.Defined e -> businessHours.put(e.name(), e.hours());
      case BusinessHoursEvent.Removed e -> remove(businessHours, e.name(), "business hours");
      case SkillEvent.Defined e -> skills.put(e.skill(), e.definition());
      case SkillEvent.Removed e -> remove(skills, e.skill(), "skill");
      case FlowEvent.Defined e -> flows.put(e.flowId(), e.flow());
      case FlowEvent.Removed e -> remove(flows, e.flowId(), "flow");
      case WrapUpCodeEvent.Defined e -> wrapUpCodes.put(e.code(), e.definition());
      case WrapUpCodeEvent.Removed e -> remove(wrapUpCodes, e.code(), "wrap-up code");
      default -> throw new IllegalArgumentException("not a catalogue event: " + event);
    }
  }

  private static void remove(Map<String, ?> map, String name, String what) {
    if (map.remove(name) == null) {
      throw new IllegalStateException("unknown " + what + " " + name);
    }
  }

  public @Nullable BusinessHours businessHours(String name) {
    return businessHours.get(name);
  }

  /** Every business-hours set, in the order first defined. */
  public Collection<BusinessHours> businessHours() {
    return Collections.unmodifiableCollection(businessHours.values());
  }

  public @Nullable SkillDefinition skill(String name) {
    return skills.get(name);
  }

  /** The skill catalogue, in the order first defined. */
  public Collection<SkillDefinition> skills() {
    return Collections.unmodifiableCollection(skills.values());
  }

  public @Nullable Flow flow(String id) {
    return flows.get(id);
  }

  /** Every flow definition, in the order first defined. */
  public Collection<Flow> flows() {
    return Collections.unmodifiableCollection(flows.values());
  }

  public @Nullable WrapUpCode wrapUpCode(String code) {
    return wrapUpCodes.get(code);
  }

  /** The wrap-up codes, in the order first defined. */
  public Collection<WrapUpCode> wrapUpCodes() {
    return Collections.unmodifiableCollection(wrapUpCodes.values());
  }

  /** An immutable copy, comparable with {@code equals} (the replay tests rely on it). */
  public Snapshot snapshot() {
    return new Snapshot(
        List.copyOf(businessHours.values()),
        List.copyOf(skills.values()),
        List.copyOf(flows.values()),
        List.copyOf(wrapUpCodes.values()));
  }

  /** An immutable copy of a catalogue, each list in the order first defined. */
  public record Snapshot(
      List<BusinessHours> businessHours,
      List<SkillDefinition> skills,
      List<Flow> flows,
      List<WrapUpCode> wrapUpCodes) {}
}
