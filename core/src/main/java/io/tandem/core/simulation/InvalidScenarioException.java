package io.tandem.core.simulation;

import java.util.List;

/** A scenario that cannot run, with every problem found, each naming its path. */
public final class InvalidScenarioException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<ScenarioProblem> problems;

  public InvalidScenarioException(List<ScenarioProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in scenario order. */
  public List<ScenarioProblem> problems() {
    return problems;
  }

  private static String message(List<ScenarioProblem> problems) {
    StringBuilder text =
        new StringBuilder("invalid scenario (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    problems.forEach(problem -> text.append("\n  ").append(problem));
    return text.toString();
  }
}
