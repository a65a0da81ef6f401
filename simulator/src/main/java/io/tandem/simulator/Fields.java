package io.tandem.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * Reads the keys of one YAML mapping at a path, with a typed getter per kind of value. Every
 * problem (unknown key, wrong type, bad value) is recorded with its path and line, and the getter
 * returns the default, so that reading goes on and all problems are reported at once.
 */
final class Fields {

  private final String path;
  private final int line;
  private final Map<String, YamlNode.Entry> entries;
  private final Problems problems;

  /** Reads {@code node} as a mapping at {@code path} whose keys must be among {@code keys}. */
  Fields(YamlNode node, String path, Problems problems, String... keys) {
    Set<String> known = new LinkedHashSet<>(List.of(keys));
    this.path = path;
    this.line = node.line();
    this.problems = problems;
    if (node instanceof YamlNode.Mapping mapping) {
      this.entries = mapping.entries();
      for (YamlNode.Entry entry : entries.values()) {
        if (!known.contains(entry.key())) {
          problems.add(at(entry.key()), entry.line(), unknown(entry.key(), known));
        }
      }
    } else {
      this.entries = Map.of();
      problems.add(
          path,
          node.line(),
          "must be a mapping (key: value lines), got " + YamlNode.describe(node));
    }
  }

  private static String unknown(String key, Set<String> known) {
    String suggestion = null;
    for (String candidate : known) {
      if (candidate.equalsIgnoreCase(key)
          || distance(candidate.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)) <= 2) {
        suggestion = candidate;
        break;
      }
    }
    return "is not a known key"
        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
        + "; known keys: "
        + String.join(", ", known);
  }

  /** Levenshtein distance, for "did you mean". */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The path of {@code key} in this mapping. */
  String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The line of the mapping itself. */
  int line() {
    return line;
  }

  /** The value of {@code key}, or {@code null} if absent or written as null. */
  @Nullable YamlNode get(String key) {
    YamlNode.Entry entry = entries.get(key);
    if (entry == null || entry.value() instanceof YamlNode.Scalar s && s.isNull()) {
      return null;
    }
    return entry.value();
  }

  boolean has(String key) {
    return get(key) != null;
  }

  void problem(String key, String message) {
    YamlNode value = get(key);
    problems.add(at(key), value == null ? line : value.line(), message);
  }

  /** Records that a required key is missing. */
  void missing(String key) {
    problems.add(at(key), line, "is required");
  }

  @Nullable String text(String key) {
    YamlNode value = get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof YamlNode.Scalar scalar) {
      return scalar.text();
    }
    problem(key, "must be text, got " + YamlNode.describe(value));
    return null;
  }

  String text(String key, String otherwise) {
    String text = text(key);
    return text == null ? otherwise : text;
  }

  long whole(String key, long otherwise) {
    YamlNode value = get(key);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof YamlNode.Scalar scalar && scalar.token() == JsonToken.VALUE_NUMBER_INT) {
      try {
        return Long.parseLong(scalar.text().replace("_", ""));
      } catch (NumberFormatException e) {
        problem(key, "must be a whole number in range, got '" + scalar.text() + "'");
        return otherwise;
      }
    }
    problem(key, "must be a whole number, got " + YamlNode.describe(value));
    return otherwise;
  }

  boolean flag(String key, boolean otherwise) {
    YamlNode value = get(key);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof YamlNode.Scalar scalar
        && (scalar.token() == JsonToken.VALUE_TRUE || scalar.token() == JsonToken.VALUE_FALSE)) {
      return scalar.token() == JsonToken.VALUE_TRUE;
    }
    problem(key, "must be true or false, got " + YamlNode.describe(value));
    return otherwise;
  }

  int wholeInt(String key, int otherwise) {
    long value = whole(key, otherwise);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      problem(key, "must be a whole number in range, got " + value);
      return otherwise;
    }
    return (int) value;
  }

  double number(String key, double otherwise) {
    YamlNode value = get(key);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof YamlNode.Scalar scalar
        && (scalar.token() == JsonToken.VALUE_NUMBER_INT
            || scalar.token() == JsonToken.VALUE_NUMBER_FLOAT)) {
      try {
        return Double.parseDouble(scalar.text().replace("_", ""));
      } catch (NumberFormatException e) {
        // Falls through to the message below.
      }
    }
    problem(key, "must be a number, got " + YamlNode.describe(value));
    return otherwise;
  }

  @Nullable Duration duration(String key) {
    YamlNode value = get(key);
    return value == null ? null : DurationText.parse(key, value, this);
  }

  Duration duration(String key, Duration otherwise) {
    Duration duration = duration(key);
    return duration == null ? otherwise : duration;
  }

  /** The items of a list value (empty if absent), each with its path. */
  List<Item> list(String key) {
    YamlNode value = get(key);
    List<Item> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (value instanceof YamlNode.Sequence sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        items.add(new Item(at(key) + "[" + i + "]", sequence.items().get(i)));
      }
    } else {
      problem(
          key,
          "must be a list (lines starting with '- ', or [a, b]), got " + YamlNode.describe(value));
    }
    return items;
  }

  /** One item of a list, with its path. */
  record Item(String path, YamlNode node) {}

  Problems problems() {
    return problems;
  }
}
