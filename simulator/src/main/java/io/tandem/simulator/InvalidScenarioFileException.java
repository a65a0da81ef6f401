package io.tandem.simulator;

import java.util.List;

/** A scenario file that cannot be read or run, with every problem found. */
public final class InvalidScenarioFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final transient List<FileProblem> problems;

  public InvalidScenarioFileException(String source, List<FileProblem> problems) {
    super(message(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The file (or other source) the scenario came from. */
  public String source() {
    return source;
  }

  public List<FileProblem> problems() {
    return problems;
  }

  private static String message(String source, List<FileProblem> problems) {
    StringBuilder text =
        new StringBuilder(source)
            .append(": invalid scenario (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem)" : " problems)");
    for (FileProblem problem : problems) {
      text.append("\n  ").append(source);
      if (problem.line() > 0) {
        text.append(':').append(problem.line());
      }
      text.append(": ").append(problem.path().isEmpty() ? "" : problem.path() + " ");
      text.append(problem.message());
    }
    return text.toString();
  }
}
