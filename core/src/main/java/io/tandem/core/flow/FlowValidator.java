package io.tandem.core.flow;

import io.tandem.core.flow.internal.FlowGraph;
import io.tandem.core.flow.internal.FlowStructureChecks;
import io.tandem.core.flow.internal.NodeFieldChecks;
import io.tandem.core.flow.internal.Problems;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.skill.SkillExpression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether a {@link Flow} can run, when it is loaded rather than when a caller reaches the
 * broken part.
 *
 * <p>It collects every problem, each naming its node and field: a missing or unknown start node,
 * nodes without a definition, exits that are missing or lead to unknown nodes, nodes unreachable
 * from the start, loops without a node that waits for caller input, queues, skills and business
 * hours the {@link FlowCatalog} does not know, malformed skill expressions (with their position),
 * menu keys, placeholders, phone numbers, URLs, regular expressions, durations, lengths, priorities
 * and languages.
 */
public final class FlowValidator {

  private FlowValidator() {}

  /** Every problem that keeps {@code flow} from running; empty when it can run. */
  public static List<FlowProblem> problems(Flow flow, FlowCatalog catalog) {
    Problems problems = new Problems();
    FlowStructureChecks.check(flow, problems);
    NodeFieldChecks fields = new NodeFieldChecks(catalog, problems);
    flow.nodes()
        .forEach(
            (id, node) -> {
              if (id != null && node != null) {
                fields.check(id, node);
              }
            });
    FlowGraph graph = FlowGraph.of(flow);
    if (graph.contains(flow.start())) {
      graph.checkReachableFrom(flow.start(), problems);
    }
    graph.checkLoopsHaveInput(problems);
    return problems.toList();
  }

  /**
   * {@code flow}, ready to run.
   *
   * @throws InvalidFlowException listing every problem when the flow cannot run
   */
  public static ValidatedFlow validate(Flow flow, FlowCatalog catalog) {
    List<FlowProblem> problems = problems(flow, catalog);
    if (!problems.isEmpty()) {
      throw new InvalidFlowException(String.valueOf(flow.id()), problems);
    }
    Map<String, SkillExpression> skills = new HashMap<>();
    Map<String, Pattern> patterns = new HashMap<>();
    Map<String, BusinessHours> hours = new HashMap<>();
    flow.nodes()
        .forEach(
            (id, node) -> {
              switch (node) {
                case SetAttributes set when set.skills() != null ->
                    skills.put(id, SkillExpression.parse(set.skills()));
                case CollectDigits collect when collect.pattern() != null ->
                    patterns.put(id, Pattern.compile(collect.pattern()));
                case CheckHours check ->
                    hours.put(
                        check.businessHours(),
                        catalog.businessHours(check.businessHours()).orElseThrow());
                default -> {}
              }
            });
    return new ValidatedFlow(flow, skills, patterns, hours);
  }
}
