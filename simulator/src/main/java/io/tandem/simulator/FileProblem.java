package io.tandem.simulator;

/**
 * One thing wrong with a scenario file.
 *
 * @param path where in the scenario, e.g. {@code queues[1].arrivals[0].perHour}; empty for the
 *     whole file
 * @param line 1-based line in the file; 0 if unknown
 * @param message what is wrong
 */
public record FileProblem(String path, int line, String message) {

  /** {@code line 12: queues[1].arrivals[0].perHour must be >= 0, got -3.0}. */
  @Override
  public String toString() {
    String where = line > 0 ? "line " + line + ": " : "";
    return where + (path.isEmpty() ? message : path + " " + message);
  }
}
