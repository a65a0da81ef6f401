package io.tandem.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Collects the problems of one document, so that all are reported at once. Not thread-safe. */
final class Problems {

  private final List<ConfigurationProblem> found = new ArrayList<>();

  void add(String field, String detail) {
    found.add(new ConfigurationProblem(field, detail));
  }

  /** {@code make.get()}, or {@code null} with a problem at {@code field} if it throws. */
  <T> @Nullable T attempt(String field, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      add(field, String.valueOf(e.getMessage()));
      return null;
    }
  }

  int count() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws {@link InvalidConfigurationException} listing every problem, if there are any. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidConfigurationException(found);
    }
  }

  static String at(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
