package io.tandem.server.demo;

import java.util.List;

/** A demo file that cannot run, with every problem found, each naming its field. */
public final class InvalidDemoFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public InvalidDemoFileException(String source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, e.g. {@code virtualAssistant.menu.choices.4 leads to unknown queue 'billng'}. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    StringBuilder text =
        new StringBuilder(source)
            .append(": invalid demo file (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem)" : " problems)");
    problems.forEach(problem -> text.append("\n  ").append(problem));
    return text.toString();
  }
}
