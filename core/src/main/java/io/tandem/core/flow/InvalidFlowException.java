package io.tandem.core.flow;

import java.util.List;

/** A flow that cannot run, with every problem {@link FlowValidator} found in it. */
public final class InvalidFlowException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String flowId;
  private final transient List<FlowProblem> problems;

  /**
   * The flow {@code flowId} with these problems.
   *
   * @param flowId the id of the rejected flow, as written
   * @param problems at least one problem, in the order found
   */
  public InvalidFlowException(String flowId, List<FlowProblem> problems) {
    super(describe(flowId, problems));
    this.flowId = flowId;
    this.problems = List.copyOf(problems);
  }

  /** The id of the rejected flow, as written. */
  public String flowId() {
    return flowId;
  }

  /** Every problem found, in the order found. */
  public List<FlowProblem> problems() {
    return problems;
  }

  private static String describe(String flowId, List<FlowProblem> problems) {
    StringBuilder message =
        new StringBuilder("flow '")
            .append(flowId)
            .append("' cannot run (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    for (FlowProblem problem : problems) {
      message.append("\n  - ").append(problem);
    }
    return message.toString();
  }
}
