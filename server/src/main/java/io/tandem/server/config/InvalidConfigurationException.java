package io.tandem.server.config;

import java.util.List;

/** A configuration document or resource with problems; the API answers it with 400 listing all. */
public final class InvalidConfigurationException extends RuntimeException {

  private final List<ConfigurationProblem> problems;

  public InvalidConfigurationException(List<ConfigurationProblem> problems) {
    super(
        problems.size() == 1
            ? problems.get(0).field() + ": " + problems.get(0).detail()
            : problems.size()
                + " problems, the first: "
                + problems.get(0).field()
                + ": "
                + problems.get(0).detail());
    this.problems = List.copyOf(problems);
  }

  public List<ConfigurationProblem> problems() {
    return problems;
  }
}
