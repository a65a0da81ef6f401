package io.tandem.core.simulation;

import java.util.Objects;

/**
 * One thing wrong with a scenario.
 *
 * @param path where, in the scenario file's terms: {@code queues[1].arrivals[0].perHour}
 * @param message what is wrong, e.g. {@code must be >= 0, got -3.0}
 */
public record ScenarioProblem(String path, String message) {
  public ScenarioProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + " " + message;
  }
}
