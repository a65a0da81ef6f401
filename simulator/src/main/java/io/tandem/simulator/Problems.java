package io.tandem.simulator;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one scenario file, so that all are reported at once. */
final class Problems {

  private final List<FileProblem> found = new ArrayList<>();

  void add(String path, int line, String message) {
    found.add(new FileProblem(path, line, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  int count() {
    return found.size();
  }

  List<FileProblem> all() {
    return List.copyOf(found);
  }
}
