package io.tandem.core.flow;

import io.tandem.core.hours.BusinessHours;
import io.tandem.core.skill.SkillExpression;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A flow that {@link FlowValidator} found runnable, with what the run needs ready: the parsed skill
 * expressions, compiled digit patterns and the business hours the flow names.
 *
 * <p>Only the validator creates one, so a {@link FlowRun} cannot be started on an unchecked flow.
 * The business hours are those of the catalog at validation time: when a tenant changes its hours,
 * queues or skills, its flows are validated again.
 */
public final class ValidatedFlow {

  private final Flow flow;
  private final Map<String, SkillExpression> skillsByNode;
  private final Map<String, Pattern> patternsByNode;
  private final Map<String, BusinessHours> hoursByName;

  ValidatedFlow(
      Flow flow,
      Map<String, SkillExpression> skillsByNode,
      Map<String, Pattern> patternsByNode,
      Map<String, BusinessHours> hoursByName) {
    this.flow = flow;
    this.skillsByNode = Map.copyOf(skillsByNode);
    this.patternsByNode = Map.copyOf(patternsByNode);
    this.hoursByName = Map.copyOf(hoursByName);
  }

  /** The flow as written. */
  public Flow flow() {
    return flow;
  }

  /** The flow's id. */
  public String id() {
    return flow.id();
  }

  /** The id of the node the flow begins with. */
  String start() {
    return flow.start();
  }

  /** The node called {@code id}, which exists: every exit of a validated flow leads to a node. */
  FlowNode node(String id) {
    FlowNode node = flow.node(id);
    if (node == null) {
      throw new IllegalArgumentException("flow '" + id() + "' has no node '" + id + "'");
    }
    return node;
  }

  /** The parsed skills of the {@link SetAttributes} node {@code nodeId}, which has skills. */
  SkillExpression skills(String nodeId) {
    SkillExpression skills = skillsByNode.get(nodeId);
    if (skills == null) {
      throw new IllegalArgumentException("node '" + nodeId + "' sets no skills");
    }
    return skills;
  }

  /** The compiled pattern of the {@link CollectDigits} node {@code nodeId}; null for none. */
  @Nullable Pattern pattern(String nodeId) {
    return patternsByNode.get(nodeId);
  }

  /** The business hours called {@code name}, which a {@link CheckHours} node of the flow names. */
  BusinessHours businessHours(String name) {
    BusinessHours hours = hoursByName.get(name);
    if (hours == null) {
      throw new IllegalArgumentException("flow '" + id() + "' names no business hours " + name);
    }
    return hours;
  }

  @Override
  public String toString() {
    return "ValidatedFlow[" + flow.id() + ", " + flow.nodes().size() + " nodes]";
  }
}
